/**
 * Runs `work` in a task of its own after the browser has drawn the next frame: work that reads
 * the layout (or probes WebGL) then finds it fresh instead of forcing it inside the startup task.
 */
export function afterFirstFrame(work: () => void): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => cancelled || work(), 0);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
