// Proposal form helper: while the resident types the title, list similar proposals of the same
// process in the live region the server rendered (texts come from its data attributes, in the page
// language). Without JavaScript the "look for similar proposals" button does the same on the server.
const form = document.querySelector<HTMLFormElement>('form.proposal-form');
const title = document.getElementById('f-title') as HTMLInputElement | null;
const region = document.getElementById('similar-proposals');
const list = document.getElementById('similar-list');

function debounce(fn: () => void, ms: number): () => void {
  let timer: number | undefined;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, ms);
  };
}

let last = '';
async function refresh(): Promise<void> {
  if (!form || !title || !region || !list) return;
  const text = title.value.trim();
  if (text.length < 4 || text === last) return;
  last = text;
  const res = await fetch(`${form.dataset.similarUrl ?? ''}&title=${encodeURIComponent(text)}`, { headers: { accept: 'application/json' } });
  if (!res.ok) return;
  const rows = (await res.json()) as { id: number; title: string; supports: number; url: string }[];
  list.textContent = '';
  region.querySelector('p.similar-none')?.remove();
  for (const r of rows) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = r.url;
    a.textContent = (region.dataset.item ?? '{title}').replace('{title}', r.title).replace('{supports}', String(r.supports));
    li.append(a);
    list.append(li);
  }
  if (rows.length === 0) {
    const p = document.createElement('p');
    p.className = 'similar-none';
    p.textContent = region.dataset.none ?? '';
    region.append(p);
  }
}

title?.addEventListener('input', debounce(() => void refresh(), 400));
