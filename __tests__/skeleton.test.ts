import { describe, expect, it } from '@jest/globals'
import { UserError } from '../src/errors.js'

describe('UserError', () => {
  it('keeps the one-line message', () => {
    expect(new UserError('input `command`: "x" is not one of validate, plan, apply').message).toContain('command')
  })
})
