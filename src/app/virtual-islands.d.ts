declare module 'virtual:islands' {
  import type { IslandFact } from '../shared/map/islands.ts';
  const islands: IslandFact[];
  export default islands;
}
