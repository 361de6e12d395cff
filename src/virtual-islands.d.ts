declare module 'virtual:islands' {
  import type { IslandFact } from './lib/map/islands.ts';
  const islands: IslandFact[];
  export default islands;
}
