// Thin entry: everything happens in run().
import { run } from './main.js'

await run()
