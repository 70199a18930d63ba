// Participatory-budgeting ballot: a running total as the voter chooses (knapsack: cost of the
// ticked projects against the budget; cumulative: points used against the points available).
// The form works without this file; the server checks every ballot anyway.
const form = document.querySelector('form.pb-ballot');
const out = document.getElementById('pb-running-total');
if (form && out) {
  const type = form.dataset.voteType;
  const locale = { ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }[out.dataset.locale] || 'ro-RO';
  const money = (x) => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: out.dataset.currency || 'RON', maximumFractionDigits: 2 }).format(x);
    } catch {
      return String(x);
    }
  };
  const update = () => {
    if (type === 'knapsack') {
      let total = 0;
      for (const box of form.querySelectorAll('input[name="project"]:checked')) total += Number(box.dataset.cost) || 0;
      const budget = Number(form.dataset.budget);
      out.textContent = `${out.dataset.label} ${money(total)} / ${money(budget)}`;
      out.classList.toggle('pb-over', total > budget);
    } else if (type === 'cumulative') {
      let used = 0;
      for (const input of form.querySelectorAll('input.pb-points')) used += Math.max(0, Math.floor(Number(input.value) || 0));
      const total = Number(form.dataset.pointsTotal);
      out.textContent = `${out.dataset.label} ${used} / ${total}`;
      out.classList.toggle('pb-over', used > total);
    }
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
}
