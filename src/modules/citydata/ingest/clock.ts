// Server-side observation times for readings that bring none: microsecond-distinct within this
// process, so two messages of one device in the same millisecond are two readings, not a key clash.
// The ISO prefix is formatted once per millisecond: under load most calls share it.
let lastMs = 0;
let prefix = '';
let seq = 0;

export function receivedAt(): string {
  const ms = Date.now();
  if (ms === lastMs) seq = Math.min(seq + 1, 999);
  else {
    lastMs = ms;
    prefix = new Date(ms).toISOString().slice(0, -1);
    seq = 0;
  }
  return `${prefix}${seq < 10 ? '00' : seq < 100 ? '0' : ''}${seq}Z`;
}
