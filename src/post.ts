// Thin entry of the action's post step (runs.post): saves the provider cache when the main step missed it.
import { runPostStep } from './provider-cache/index.js'

await runPostStep()
