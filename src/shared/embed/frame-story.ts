/** What the host page script (embed-frame.js) knows of its story, written into it at build time. */
export interface FrameStory {
  /** The story's embed element name (front matter `embed_element`); its iframe embeds are `data-<element>`. */
  element: string;
  title: string;
}
