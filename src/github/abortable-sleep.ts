// A wait between REST calls that ends early when the signal fires (cancel or the caller's deadline); the next
// request then fails at once. Not unref'd: the wait is the work (an unref'd timer as the only thing left would end
// the process mid-write).
export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise(resolve => {
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    if (signal?.aborted) done()
    else signal?.addEventListener('abort', done, { once: true })
  })
}
