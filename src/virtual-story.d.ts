/** The resolved story, validated at build time by src/lib/story/vite-plugin-story.ts. */
declare module 'virtual:story' {
  const story: import('./lib/story/types.ts').Story;
  export default story;
}
