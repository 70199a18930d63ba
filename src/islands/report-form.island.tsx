// Report form helper: while the resident types, suggest a category from the description and show
// similar open reports nearby that they could follow instead. Texts come from data attributes the
// server rendered in the page language.
const description = document.getElementById('f-description') as HTMLTextAreaElement | null;
const category = document.getElementById('f-category') as HTMLSelectElement | null;
const suggestion = document.getElementById('category-suggestion');
const nearby = document.getElementById('nearby-reports');
const lat = document.getElementById('f-lat') as HTMLInputElement | null;
const lng = document.getElementById('f-lng') as HTMLInputElement | null;

function debounce(fn: () => void, ms: number): () => void {
  let timer: number | undefined;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, ms);
  };
}

async function suggest(): Promise<void> {
  if (!description || !category || !suggestion) return;
  const text = description.value.trim();
  if (text.length < 8) return;
  const res = await fetch(`/api/v1/reports/suggest-category?text=${encodeURIComponent(text)}`);
  if (!res.ok) return;
  const [best] = (await res.json()) as { code: string; name: string; score: number }[];
  suggestion.textContent = '';
  if (!best || best.score < 0.35 || category.value === best.code) return;
  const label = (suggestion.dataset.label ?? '{category}').replace('{category}', best.name);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button';
  button.textContent = label;
  button.addEventListener('click', () => {
    category.value = best.code;
    suggestion.textContent = '';
    void findNearby();
  });
  suggestion.append(button);
}

async function findNearby(): Promise<void> {
  if (!nearby || !lat?.value || !lng?.value) return;
  const params = new URLSearchParams({ lat: lat.value, lng: lng.value, text: description?.value ?? '' });
  if (category?.value) params.set('category', category.value);
  const res = await fetch(`/api/v1/reports/nearby?${params.toString()}`);
  if (!res.ok) return;
  const rows = (await res.json()) as { id: number; title: string; url: string; distanceM: number }[];
  nearby.textContent = '';
  if (rows.length === 0) return;
  const heading = document.createElement('h2');
  heading.textContent = nearby.dataset.title ?? '';
  const list = document.createElement('ul');
  for (const r of rows) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = r.url;
    a.textContent = `#${r.id} ${r.title} (${r.distanceM} m)`;
    li.append(a, ` — ${nearby.dataset.follow ?? ''}`);
    list.append(li);
  }
  nearby.append(heading, list);
}

description?.addEventListener('input', debounce(() => void suggest(), 600));
description?.addEventListener('change', () => void findNearby());
category?.addEventListener('change', () => void findNearby());
lat?.addEventListener('change', () => void findNearby());
