/** The resolved story, validated at build time by src/build/story/vite-plugin-story.ts. */
declare module 'virtual:story' {
  const story: import('../shared/story/types.ts').Story;
  export default story;
}
