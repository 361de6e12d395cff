/** Elapsed time as m:ss with at least two minute digits (`04:07`); minutes run past 59 (`75:03`). */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The same span as an ISO 8601 duration, for `<time datetime>`. */
export function elapsedDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `PT${Math.floor(seconds / 60)}M${seconds % 60}S`;
}
