/**
 * Keeps the presenting window and the speaker window on the same step over a BroadcastChannel.
 * Either window may move; the other follows. A window that opens says `hello` and any window
 * that knows the current step answers with it.
 *
 * Messages arrive from any same-origin page, so each one is checked by shape, story and range
 * before it can move the story. A step that arrives is never sent back out, and a step that is
 * already current is neither sent nor followed, so the two windows cannot echo each other.
 * Two presses in both windows within the same instant can cross; the next press realigns them.
 */
import * as v from 'valibot';

export const CHANNEL_NAME = 'map-story-present';

const Base = { type: v.literal(CHANNEL_NAME), story: v.string() };

export const PresentMessageSchema = v.variant('kind', [
  v.object({ ...Base, kind: v.literal('step'), index: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  v.object({ ...Base, kind: v.literal('hello') }),
]);

export type PresentMessage = v.InferOutput<typeof PresentMessageSchema>;

/** The part of BroadcastChannel used here, so tests can pass a fake. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export type ChannelFactory = (name: string) => ChannelLike;

export interface PresentChannel {
  /** Tells the other windows that this one is now on step `index` (nothing if it already was). */
  send(index: number): void;
  close(): void;
}

export interface PresentChannelOptions {
  /** Steps in the story: a step message outside 0..count-1 is refused. */
  count: number;
  /** The step this window opens on, given to a window that says hello. */
  index?: number;
  /** Defaults to the browser's BroadcastChannel (none: the window simply presents alone). */
  factory?: ChannelFactory;
}

/**
 * A message from `data` if it is ours, for this story and in range; otherwise null. The result is
 * a fresh object with the known keys only: nothing else of what another page sent is kept.
 */
export function readMessage(data: unknown, story: string, count: number): PresentMessage | null {
  let result: v.SafeParseResult<typeof PresentMessageSchema>;
  try {
    result = v.safeParse(PresentMessageSchema, data);
  } catch {
    return null; // a getter that throws: not a message anyone structured-cloned
  }
  if (!result.success || result.output.story !== story) return null;
  if (result.output.kind === 'step' && result.output.index >= count) return null;
  return result.output;
}

export function stepMessage(story: string, index: number): PresentMessage {
  return { type: CHANNEL_NAME, story, kind: 'step', index };
}

export function helloMessage(story: string): PresentMessage {
  return { type: CHANNEL_NAME, story, kind: 'hello' };
}

/**
 * Opens the channel for `story` (its title, or any key both windows share) and says hello.
 * `onStep` is called when another window moves to a different step.
 */
export function openPresentChannel(
  story: string,
  onStep: (index: number) => void,
  { count, index, factory = browserChannel }: PresentChannelOptions,
): PresentChannel {
  const channel = factory(CHANNEL_NAME);
  // The step this window is on, as far as the channel knows: last sent or last received.
  let current = index;
  let closed = false;

  channel.onmessage = (event) => {
    const message = readMessage(event.data, story, count);
    if (!message || closed) return;
    if (message.kind === 'hello') {
      if (current !== undefined) channel.postMessage(stepMessage(story, current));
      return;
    }
    if (message.index === current) return;
    current = message.index;
    onStep(message.index);
  };
  channel.postMessage(helloMessage(story));

  return {
    send(next) {
      if (closed || next === current || !Number.isInteger(next) || next < 0 || next >= count) return;
      current = next;
      channel.postMessage(stepMessage(story, next));
    },
    close() {
      if (closed) return;
      closed = true;
      channel.onmessage = null;
      channel.close();
    },
  };
}

const silentChannel: ChannelLike = { postMessage() {}, close() {}, onmessage: null };

/**
 * The browser's channel, or a silent one where there is none or it is refused (an opaque origin,
 * a sandboxed frame): the window then presents alone. A closed or refused channel never throws
 * into the presentation either.
 */
function browserChannel(name: string): ChannelLike {
  let channel: BroadcastChannel;
  try {
    channel = new BroadcastChannel(name);
  } catch {
    return { ...silentChannel };
  }
  return {
    postMessage(message) {
      try {
        channel.postMessage(message);
      } catch {
        // Not sent: the other window catches up at the next step.
      }
    },
    close: () => channel.close(),
    get onmessage() {
      return channel.onmessage;
    },
    set onmessage(handler) {
      channel.onmessage = handler;
    },
  };
}
