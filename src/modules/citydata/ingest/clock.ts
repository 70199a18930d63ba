// Server-side observation times for readings that bring none: microsecond-distinct within this
// process, so two messages of one device in the same millisecond are two readings, not a key clash.
let lastMs = 0;
let seq = 0;

export function receivedAt(): string {
  const ms = Date.now();
  if (ms === lastMs) seq = Math.min(seq + 1, 999);
  else {
    lastMs = ms;
    seq = 0;
  }
  return `${new Date(ms).toISOString().slice(0, -1)}${String(seq).padStart(3, '0')}Z`;
}
