/**
 * The present/speaker sync protocol: message validation, both directions, the hello handshake,
 * no echo between windows, other stories and junk ignored, closing; first over an in-memory bus
 * that delivers synchronously (so an echo loop would recurse and fail), then over Node's real
 * BroadcastChannel.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHANNEL_NAME,
  helloMessage,
  openPresentChannel,
  readMessage,
  stepMessage,
  type ChannelFactory,
  type ChannelLike,
} from '../../src/app/present/channel.ts';

const STORY = 'The Rocky Road to Russo-Japanese Peace';
const COUNT = 19;

/** Channels that deliver each message at once to every other open end with the same name. */
function memoryBus() {
  const ends: (ChannelLike & { name: string; closed: boolean })[] = [];
  const posted: unknown[] = [];
  const factory: ChannelFactory = (name) => {
    const end = {
      name,
      closed: false,
      onmessage: null as ChannelLike['onmessage'],
      postMessage(message: unknown) {
        posted.push(message);
        for (const other of ends) {
          if (other !== end && !other.closed && other.name === name) deliver(other, structuredClone(message));
        }
      },
      close() {
        end.closed = true;
      },
    };
    ends.push(end);
    return end;
  };
  const deliver = (end: ChannelLike, data: unknown) => end.onmessage?.({ data } as MessageEvent);
  /** A message from some other page on the same origin. */
  const inject = (data: unknown) => ends.forEach((end) => deliver(end, data));
  const steps = () => posted.filter((m) => (m as { kind?: string }).kind === 'step');
  return { factory, ends, posted, steps, inject };
}

describe('readMessage', () => {
  it('accepts step and hello messages for this story', () => {
    expect(readMessage(stepMessage(STORY, 3), STORY, COUNT)).toEqual({
      type: CHANNEL_NAME,
      story: STORY,
      kind: 'step',
      index: 3,
    });
    expect(readMessage(helloMessage(STORY), STORY, COUNT)).toEqual({ type: CHANNEL_NAME, story: STORY, kind: 'hello' });
    expect(readMessage(stepMessage(STORY, 0), STORY, COUNT)).not.toBeNull();
    expect(readMessage(stepMessage(STORY, COUNT - 1), STORY, COUNT)).not.toBeNull();
  });

  it('refuses another story', () => {
    expect(readMessage(stepMessage('Another story', 3), STORY, COUNT)).toBeNull();
    expect(readMessage(helloMessage(''), STORY, COUNT)).toBeNull();
  });

  it.each([
    ['an index past the end', { ...stepMessage(STORY, 0), index: COUNT }],
    ['a negative index', { ...stepMessage(STORY, 0), index: -1 }],
    ['a fractional index', { ...stepMessage(STORY, 0), index: 2.5 }],
    ['a NaN index', { ...stepMessage(STORY, 0), index: Number.NaN }],
    ['an infinite index', { ...stepMessage(STORY, 0), index: Number.POSITIVE_INFINITY }],
    ['a string index', { ...stepMessage(STORY, 0), index: '3' }],
    ['a step without an index', { type: CHANNEL_NAME, story: STORY, kind: 'step' }],
    ['an unknown kind', { type: CHANNEL_NAME, story: STORY, kind: 'blank' }],
    ['another type', { ...stepMessage(STORY, 3), type: 'reveal' }],
    ['no story', { type: CHANNEL_NAME, kind: 'step', index: 3 }],
    ['a story that is not a string', { ...stepMessage(STORY, 3), story: 7 }],
    ['a JSON string', JSON.stringify(stepMessage(STORY, 3))],
    ['null', null],
    ['undefined', undefined],
    ['a number', 3],
    ['an array', [stepMessage(STORY, 3)]],
  ])('refuses %s', (_, data) => {
    expect(readMessage(data, STORY, COUNT)).toBeNull();
  });

  it('gives a fresh object with the known keys only', () => {
    const sent = JSON.parse(
      `{"type":"${CHANNEL_NAME}","story":${JSON.stringify(STORY)},"kind":"step","index":3,"extra":1,"__proto__":{"polluted":true}}`,
    ) as Record<string, unknown>;
    const message = readMessage(sent, STORY, COUNT);
    expect(message).not.toBe(sent);
    expect(Object.keys(message!).sort()).toEqual(['index', 'kind', 'story', 'type']);
    expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
    expect((message as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a message whose fields are getters that throw', () => {
    const hostile = {
      type: CHANNEL_NAME,
      story: STORY,
      kind: 'step',
      get index(): number {
        throw new Error('boom');
      },
    };
    expect(() => readMessage(hostile, STORY, COUNT)).not.toThrow();
  });
});

describe('openPresentChannel (in memory)', () => {
  it('moves the other window, in both directions', () => {
    const bus = memoryBus();
    const onA = vi.fn();
    const onB = vi.fn();
    const a = openPresentChannel(STORY, onA, { count: COUNT, factory: bus.factory });
    const b = openPresentChannel(STORY, onB, { count: COUNT, factory: bus.factory });
    expect(bus.ends.map((end) => end.name)).toEqual([CHANNEL_NAME, CHANNEL_NAME]);

    a.send(3);
    expect(onB).toHaveBeenLastCalledWith(3);
    b.send(4);
    expect(onA).toHaveBeenLastCalledWith(4);
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).toHaveBeenCalledTimes(1);
  });

  it('never sends back a step it received, even when the receiver reports it at once', () => {
    const bus = memoryBus();
    // Each window does what the app will do: follow the step, and send whatever step it is on.
    const windows: ReturnType<typeof openPresentChannel>[] = [];
    const follow = (i: number) => (index: number) => windows[i]!.send(index);
    windows.push(openPresentChannel(STORY, follow(0), { count: COUNT, factory: bus.factory }));
    windows.push(openPresentChannel(STORY, follow(1), { count: COUNT, factory: bus.factory }));

    windows[0]!.send(6);
    windows[1]!.send(7);
    windows[0]!.send(8);
    expect(bus.steps()).toEqual([stepMessage(STORY, 6), stepMessage(STORY, 7), stepMessage(STORY, 8)]);
  });

  it('does not send the step it is already on', () => {
    const bus = memoryBus();
    const a = openPresentChannel(STORY, () => {}, { count: COUNT, index: 2, factory: bus.factory });
    a.send(2);
    a.send(5);
    a.send(5);
    expect(bus.steps()).toEqual([stepMessage(STORY, 5)]);
  });

  it('does not follow a step it is already on', () => {
    const bus = memoryBus();
    const onB = vi.fn();
    const a = openPresentChannel(STORY, () => {}, { count: COUNT, factory: bus.factory });
    openPresentChannel(STORY, onB, { count: COUNT, index: 4, factory: bus.factory });
    a.send(4);
    expect(onB).not.toHaveBeenCalled();
    a.send(5);
    expect(onB).toHaveBeenCalledWith(5);
  });

  it('refuses to send a step outside the story', () => {
    const bus = memoryBus();
    const a = openPresentChannel(STORY, () => {}, { count: COUNT, factory: bus.factory });
    for (const index of [-1, COUNT, 1.5, Number.NaN]) a.send(index);
    expect(bus.steps()).toEqual([]);
  });

  it('keeps three windows together without re-broadcasting', () => {
    const bus = memoryBus();
    const onB = vi.fn();
    const onC = vi.fn();
    const a = openPresentChannel(STORY, () => {}, { count: COUNT, factory: bus.factory });
    openPresentChannel(STORY, onB, { count: COUNT, factory: bus.factory });
    openPresentChannel(STORY, onC, { count: COUNT, factory: bus.factory });
    a.send(9);
    expect(onB).toHaveBeenCalledWith(9);
    expect(onC).toHaveBeenCalledWith(9);
    expect(bus.steps()).toHaveLength(1);
  });

  describe('hello', () => {
    it('is sent on opening, and answered with the current step', () => {
      const bus = memoryBus();
      openPresentChannel(STORY, () => {}, { count: COUNT, index: 5, factory: bus.factory });
      expect(bus.posted).toEqual([helloMessage(STORY)]);

      const onSpeaker = vi.fn();
      openPresentChannel(STORY, onSpeaker, { count: COUNT, index: 0, factory: bus.factory });
      expect(bus.posted).toEqual([helloMessage(STORY), helloMessage(STORY), stepMessage(STORY, 5)]);
      expect(onSpeaker).toHaveBeenCalledExactlyOnceWith(5);
    });

    it('is answered with the last step sent or received, not the opening one', () => {
      const bus = memoryBus();
      const a = openPresentChannel(STORY, () => {}, { count: COUNT, index: 5, factory: bus.factory });
      const b = openPresentChannel(STORY, () => {}, { count: COUNT, factory: bus.factory });
      a.send(6);
      b.send(11);
      const onC = vi.fn();
      openPresentChannel(STORY, onC, { count: COUNT, factory: bus.factory });
      // Both a and b answer 11; the second answer is the step c is already on.
      expect(onC).toHaveBeenCalledExactlyOnceWith(11);
    });

    it('is not answered by a window that does not know its step yet', () => {
      const bus = memoryBus();
      openPresentChannel(STORY, () => {}, { count: COUNT, factory: bus.factory });
      const onB = vi.fn();
      openPresentChannel(STORY, onB, { count: COUNT, factory: bus.factory });
      expect(bus.steps()).toEqual([]);
      expect(onB).not.toHaveBeenCalled();
    });

    it('moves nothing when the new window already shows the current step', () => {
      const bus = memoryBus();
      const onA = vi.fn();
      const onB = vi.fn();
      openPresentChannel(STORY, onA, { count: COUNT, index: 3, factory: bus.factory });
      openPresentChannel(STORY, onB, { count: COUNT, index: 3, factory: bus.factory });
      expect(onA).not.toHaveBeenCalled();
      expect(onB).not.toHaveBeenCalled();
    });
  });

  it('ignores other stories on the same channel', () => {
    const bus = memoryBus();
    const onOurs = vi.fn();
    const other = openPresentChannel('Another story', () => {}, { count: 40, index: 30, factory: bus.factory });
    openPresentChannel(STORY, onOurs, { count: COUNT, factory: bus.factory });
    other.send(31);
    expect(onOurs).not.toHaveBeenCalled();
  });

  it('ignores malformed and out-of-range messages from other pages', () => {
    const bus = memoryBus();
    const onStep = vi.fn();
    openPresentChannel(STORY, onStep, { count: COUNT, factory: bus.factory });
    for (const data of [null, 'step', { index: 3 }, { ...stepMessage(STORY, 0), index: 99 }, [1, 2]]) {
      expect(() => bus.inject(data)).not.toThrow();
    }
    expect(onStep).not.toHaveBeenCalled();
    bus.inject(stepMessage(STORY, 2));
    expect(onStep).toHaveBeenCalledWith(2);
  });

  it('stops listening and sending once closed', () => {
    const bus = memoryBus();
    const onB = vi.fn();
    const a = openPresentChannel(STORY, () => {}, { count: COUNT, factory: bus.factory });
    const b = openPresentChannel(STORY, onB, { count: COUNT, factory: bus.factory });
    b.close();
    b.close();
    expect(bus.ends[1]!.closed).toBe(true);
    a.send(4);
    bus.inject(stepMessage(STORY, 5));
    expect(onB).not.toHaveBeenCalled();
    const before = bus.posted.length;
    b.send(6);
    expect(bus.posted).toHaveLength(before);
  });
});

describe('openPresentChannel without BroadcastChannel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('presents alone instead of failing', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const channel = openPresentChannel(STORY, () => {}, { count: COUNT });
    expect(() => channel.send(3)).not.toThrow();
    expect(() => channel.close()).not.toThrow();
  });

  it('presents alone when the browser refuses the channel', () => {
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        constructor() {
          throw new DOMException('refused', 'SecurityError');
        }
      },
    );
    const channel = openPresentChannel(STORY, () => {}, { count: COUNT });
    expect(() => channel.send(3)).not.toThrow();
    expect(() => channel.close()).not.toThrow();
  });

  it('keeps presenting when posting to the channel throws', () => {
    vi.stubGlobal(
      'BroadcastChannel',
      class {
        onmessage = null;
        postMessage() {
          throw new DOMException('closed', 'InvalidStateError');
        }
        close() {}
      },
    );
    const channel = openPresentChannel(STORY, () => {}, { count: COUNT });
    expect(() => channel.send(3)).not.toThrow();
    expect(() => channel.close()).not.toThrow();
  });
});

describe('openPresentChannel over a real BroadcastChannel', () => {
  it('keeps two ends in step both ways, without echo', async () => {
    // A key no other test file uses: Node delivers across worker threads of the same process.
    const story = `${STORY} (real channel test)`;
    const seen: unknown[] = [];
    const spy = new BroadcastChannel(CHANNEL_NAME);
    spy.onmessage = (event: MessageEvent) => {
      if (readMessage(event.data, story, COUNT)?.kind === 'step') seen.push(event.data);
    };
    // Each window follows a step and reports the step it is on, as the app will.
    // (Messages arrive asynchronously, after both constants exist.)
    const onPresenter = vi.fn((index: number) => presenter.send(index));
    const onSpeaker = vi.fn((index: number) => speaker.send(index));
    const presenter = openPresentChannel(story, onPresenter, { count: COUNT, index: 2 });
    // Opened on a stale step, the speaker window asks and is moved to the presenter's.
    const speaker = openPresentChannel(story, onSpeaker, { count: COUNT, index: 0 });
    try {
      await vi.waitFor(() => expect(onSpeaker).toHaveBeenLastCalledWith(2));
      speaker.send(7);
      await vi.waitFor(() => expect(onPresenter).toHaveBeenLastCalledWith(7));
      presenter.send(8);
      await vi.waitFor(() => expect(onSpeaker).toHaveBeenLastCalledWith(8));

      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(onSpeaker.mock.calls).toEqual([[2], [8]]);
      expect(onPresenter.mock.calls).toEqual([[7]]);
      expect(seen).toEqual([stepMessage(story, 2), stepMessage(story, 7), stepMessage(story, 8)]);
    } finally {
      presenter.close();
      speaker.close();
      spy.close();
    }
  });
});
