/** The parts of pym.js 1.3.2 (a UMD file without types) that the embed uses. */
declare module 'pym.js' {
  export interface ParentConfig {
    /** A regular expression source that message origins must match (pym appends `$`). */
    xdomain?: string;
    title?: string;
    name?: string;
    id?: string;
    sandbox?: string;
    allowfullscreen?: boolean;
    /** When true (pym's default), the iframe URL carries the host page's URL and title. */
    optionalparams?: boolean;
    trackscroll?: boolean;
    scrollwait?: number;
  }

  export class Parent {
    constructor(id: string, url: string, config?: ParentConfig);
    id: string;
    url: string;
    el: HTMLElement;
    iframe: HTMLIFrameElement | null;
    messageHandlers: Record<string, Array<(message: string) => void>>;
    onMessage(messageType: string, callback: (message: string) => void): void;
    sendMessage(messageType: string, message: string): void;
    sendWidth(): void;
    sendViewportAndIFramePosition(): void;
    remove(): void;
    /** The window `message` listener pym adds in the constructor. */
    _processMessage?: (event: MessageEvent) => void;
  }

  export interface ChildConfig {
    renderCallback?: ((width: number) => void) | null;
    xdomain?: string;
    /** Milliseconds between height messages; 0 sends them only when asked. */
    polling?: number;
    id?: string;
  }

  export class Child {
    constructor(config?: ChildConfig);
    id: string;
    onMessage(messageType: string, callback: (message: string) => void): void;
    sendMessage(messageType: string, message?: string): void;
    /** Sends `document.body.offsetHeight` to the parent and returns it. */
    sendHeight(): string;
    getParentPositionInfo(): void;
    scrollParentToChildPos(position: number): void;
    remove(): void;
    /** The window `message` listener pym adds in the constructor. */
    _processMessage?: (event: MessageEvent) => void;
  }

  const pym: { Parent: typeof Parent; Child: typeof Child };
  export default pym;
}
