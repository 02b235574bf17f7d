/** `2 h 05` style: hours and minutes, what an agent reads at a glance. Example: formatDuration(7_500_000) -> '2 h 05'. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}
