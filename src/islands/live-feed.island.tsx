// Island for the home page: prepends public city events as they happen (server-sent events).
// Without JavaScript the server-rendered list still shows the latest events.
interface LiveEvent {
  id: number;
  at: string;
  text: string;
}

const list = document.getElementById('live-feed');
if (list && 'EventSource' in window) {
  const lang = document.documentElement.lang || 'ro';
  const fmt = new Intl.DateTimeFormat({ ro: 'ro-RO', en: 'en-GB', hu: 'hu-HU' }[lang] ?? 'ro-RO', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Bucharest',
  });
  const source = new EventSource('/events/stream');
  source.addEventListener('city', (e) => {
    const ev = JSON.parse((e as MessageEvent<string>).data) as LiveEvent;
    const li = document.createElement('li');
    const time = document.createElement('time');
    time.dateTime = ev.at;
    time.textContent = fmt.format(new Date(ev.at));
    li.append(time, ` ${ev.text}`);
    list.prepend(li);
    document.getElementById('feed-empty')?.remove();
    while (list.children.length > 20) list.lastElementChild?.remove();
  });
}
