// A problem the user can fix (bad input, refused apply, failed verification). main() prints its
// message as one line with no stack trace and exits 1; anything else is a bug and keeps its stack.
export class UserError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UserError'
  }
}
