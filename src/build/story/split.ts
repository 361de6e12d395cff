/**
 * Cuts a story file into front matter and step blocks, keeping absolute line numbers so every later
 * error can point at the line the author has to edit.
 */
import type { Problem } from '../../shared/story/errors.ts';
import { suggest } from '../../shared/story/suggest.ts';

export interface Block {
  readonly text: string;
  /** Absolute 1-based line of the block's first line. */
  readonly line: number;
}

export interface StepBlock {
  /** Line of the ```step fence. */
  readonly fenceLine: number;
  readonly yaml: Block;
  /** The step's Markdown: everything up to the next step fence. */
  readonly body: Block;
}

export interface SplitStory {
  readonly frontMatter: Block | undefined;
  readonly steps: readonly StepBlock[];
  readonly problems: readonly Problem[];
}

const FRONT_MATTER_FENCE = '---';
const STEP_FENCE_INFO = 'step';

export function splitStory(source: string): SplitStory {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: Problem[] = [];

  let frontMatter: Block | undefined;
  let stepsFrom = 0;
  if (lines[0]?.trimEnd() === FRONT_MATTER_FENCE) {
    const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === FRONT_MATTER_FENCE);
    if (close === -1) {
      problems.push({ line: 1, message: 'front matter is not closed — end it with a line "---"' });
      stepsFrom = lines.length;
    } else {
      frontMatter = { text: lines.slice(1, close).join('\n'), line: 2 };
      stepsFrom = close + 1;
    }
  } else {
    problems.push({
      line: 1,
      message: 'the story must start with front matter: a line "---", the story YAML (title, dek, …), then "---"',
    });
  }

  const steps: StepBlock[] = [];
  // The step being read: its fence line (0-based), the line closing its YAML, or -1 while still in YAML.
  let open: { fence: number; close: number } | undefined;
  let strayText = false;

  const finish = (end: number): void => {
    if (open === undefined) return;
    const { fence, close } = open;
    if (close === -1) {
      problems.push({ line: fence + 1, message: 'step block is not closed — end its YAML with a line "```"' });
      return;
    }
    steps.push({
      fenceLine: fence + 1,
      yaml: { text: lines.slice(fence + 1, close).join('\n'), line: fence + 2 },
      body: { text: lines.slice(close + 1, end).join('\n'), line: close + 2 },
    });
  };

  for (let i = stepsFrom; i < lines.length; i++) {
    const line = (lines[i] ?? '').trimEnd();
    if (open !== undefined && open.close === -1) {
      if (line === '```') open = { fence: open.fence, close: i };
      continue;
    }
    const info = line.startsWith('```') ? line.slice(3).trim() : undefined;
    const isStep = info === STEP_FENCE_INFO;
    // "```steps" or "```Step" is a typo for a step fence, not a code block in the text.
    const isTypo = !isStep && info !== undefined && info !== '' && suggest(info, [STEP_FENCE_INFO]) !== undefined;
    if (isTypo) {
      problems.push({
        line: i + 1,
        message: `"${line}" is not a step fence — a step starts with a line that is exactly "\`\`\`step"`,
      });
    }
    if (isStep || isTypo) {
      finish(i);
      open = { fence: i, close: -1 };
      continue;
    }
    if (open === undefined && line.trim() !== '' && !strayText) {
      strayText = true;
      problems.push({
        line: i + 1,
        message: 'text before the first step — every step starts with a "```step" block; move this text into a step',
      });
    }
  }
  finish(lines.length);

  return { frontMatter, steps, problems };
}
