// The test stand-in for api.github.com must itself behave like GitHub, or the other tests prove nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startGitHubApiServer, TEST_TOKENS, type GitHubApiServer } from './support/github-api-server.js'

const O = 'Codertocat'
const R = 'Hello-World'

let api: GitHubApiServer
const logged: string[] = []

beforeAll(async () => {
  api = await startGitHubApiServer({ log: line => logged.push(line) })
})
afterAll(async () => {
  await api.close()
})

async function call(
  method: string,
  path: string,
  body?: unknown,
  token: string = TEST_TOKENS.write
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `token ${token}`,
      accept: 'application/vnd.github+json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {})
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined }
}

describe('GitHub API stand-in', () => {
  it('404s a route that is not in the OpenAPI description and reports it', async () => {
    const before = api.errors.length
    const res = await call('GET', `/repos/${O}/${R}/issues/1/sticky-comments`)
    expect(res.status).toBe(404)
    expect(api.errors.slice(before)).toEqual([
      expect.stringContaining(`undocumented route: GET /repos/${O}/${R}/issues/1/sticky-comments`)
    ])
    expect(logged.at(-1)).toContain('undocumented route')
    api.errors.length = before
  })

  it('routes documented paths, with literal segments winning over parameters', async () => {
    const created = await call('POST', `/repos/${O}/${R}/issues/5/comments`, { body: 'hello' })
    expect(created.status).toBe(201)
    const id = (created.json as { id: number }).id
    expect(created.headers.get('location')).toBe(`${api.url}/repos/${O}/${R}/issues/comments/${id}`)
    const got = await call('GET', `/repos/${O}/${R}/issues/comments/${id}`)
    expect(got.status).toBe(200)
    expect(api.requests.at(-1)).toMatchObject({ operationId: 'issues/get-comment', status: 200 })
    expect(got.json).toMatchObject({
      id,
      body: 'hello',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: `https://github.com/${O}/${R}/issues/5#issuecomment-${id}`,
      issue_url: `${api.url}/repos/${O}/${R}/issues/5`
    })
    expect((got.json as { node_id: string }).node_id).toMatch(/^IC_/)
    expect((got.json as { created_at: string }).created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect((await call('DELETE', `/repos/${O}/${R}/issues/comments/${id}`)).status).toBe(204)
    expect((await call('GET', `/repos/${O}/${R}/issues/comments/${id}`)).status).toBe(404)
  })

  it('rejects bodies that do not match the request body schema with 422, like GitHub', async () => {
    const [c] = api.addComments(O, R, 6, 1)
    const wrongType = await call('PATCH', `/repos/${O}/${R}/issues/comments/${c.id}`, { body: 123 })
    expect(wrongType.status).toBe(422)
    expect((wrongType.json as { message: string }).message).toBe(
      "Invalid request.\n\nFor 'properties/body', 123 is not a string."
    )
    const missing = await call('POST', `/repos/${O}/${R}/issues/6/comments`, { text: 'x' })
    expect(missing.status).toBe(422)
    expect((missing.json as { message: string }).message).toContain('"body" wasn\'t supplied')
    const notJson = await call('POST', `/repos/${O}/${R}/issues/6/comments`, '{"body":')
    expect(notJson.status).toBe(400)
    expect(api.state.comments.get(c.id)?.body).toBe(c.body)
  })

  it('rejects comment bodies above 65,536 characters', async () => {
    const res = await call('POST', `/repos/${O}/${R}/issues/7/comments`, { body: 'x'.repeat(65537) })
    expect(res.status).toBe(422)
    expect(JSON.stringify(res.json)).toContain('body is too long (maximum is 65536 characters)')
    expect((await call('POST', `/repos/${O}/${R}/issues/7/comments`, { body: 'x'.repeat(65536) })).status).toBe(201)
  })

  it('paginates like GitHub: per_page default 30, max 100, Link with prev/next/last/first', async () => {
    api.addComments(O, R, 8, 250)
    const base = `${api.url}/repos/${O}/${R}/issues/8/comments`
    const first = await call('GET', `/repos/${O}/${R}/issues/8/comments`)
    expect((first.json as unknown[]).length).toBe(30)
    expect(first.headers.get('link')).toBe(`<${base}?page=2>; rel="next", <${base}?page=9>; rel="last"`)

    const middle = await call('GET', `/repos/${O}/${R}/issues/8/comments?per_page=100&page=2`)
    expect((middle.json as unknown[]).length).toBe(100)
    expect(middle.headers.get('link')).toBe(
      `<${base}?per_page=100&page=1>; rel="prev", <${base}?per_page=100&page=3>; rel="next", ` +
        `<${base}?per_page=100&page=3>; rel="last", <${base}?per_page=100&page=1>; rel="first"`
    )
    const last = await call('GET', `/repos/${O}/${R}/issues/8/comments?per_page=100&page=3`)
    expect((last.json as unknown[]).length).toBe(50)
    expect(last.headers.get('link')).toBe(
      `<${base}?per_page=100&page=2>; rel="prev", <${base}?per_page=100&page=1>; rel="first"`
    )
    const capped = await call('GET', `/repos/${O}/${R}/issues/8/comments?per_page=500`)
    expect((capped.json as unknown[]).length).toBe(100)
    const none = await call('GET', `/repos/${O}/${R}/issues/9/comments`)
    expect(none.json).toEqual([])
    expect(none.headers.get('link')).toBeNull()
  })

  it('gives each token its permissions; a read-only token gets 403 on writes', async () => {
    const ro = await call('GET', `/repos/${O}/${R}`, undefined, TEST_TOKENS.readOnly)
    expect(ro.status).toBe(200)
    expect(ro.json).toMatchObject({ full_name: `${O}/${R}`, permissions: { push: false, pull: true } })
    const rw = await call('GET', `/repos/${O}/${R}`)
    expect(rw.json).toMatchObject({ permissions: { push: true, pull: true } })
    const write = await call('POST', `/repos/${O}/${R}/issues/10/comments`, { body: 'x' }, TEST_TOKENS.readOnly)
    expect(write.status).toBe(403)
    expect((write.json as { message: string }).message).toBe('Resource not accessible by integration')
    expect((await call('GET', `/repos/${O}/${R}`, undefined, 'nope')).status).toBe(401)
    expect((await call('GET', '/user')).status).toBe(403)
    expect(await call('GET', '/user', undefined, TEST_TOKENS.user)).toMatchObject({
      status: 200,
      json: { login: 'octocat' }
    })
    expect((await call('GET', `/repos/${O}/nope`)).status).toBe(404)
  })

  it('serves pull requests added to the state, with fork heads', async () => {
    api.state.addPullRequest(O, R, 11, { headSha: 'a'.repeat(40), headRepoFullName: 'someone/Hello-World' })
    const res = await call('GET', `/repos/${O}/${R}/pulls/11`)
    expect(res.json).toMatchObject({
      number: 11,
      head: { sha: 'a'.repeat(40), repo: { full_name: 'someone/Hello-World', fork: true } },
      base: { repo: { full_name: `${O}/${R}` } }
    })
    expect((await call('GET', `/repos/${O}/${R}/pulls/12`)).status).toBe(404)
  })

  it('finds the pull requests of a commit (head or merge commit)', async () => {
    api.state.addPullRequest(O, R, 14, { headSha: 'b'.repeat(40), mergeCommitSha: 'c'.repeat(40), state: 'closed' })
    for (const sha of ['b'.repeat(40), 'c'.repeat(40)]) {
      const res = await call('GET', `/repos/${O}/${R}/commits/${sha}/pulls`)
      expect(res.status).toBe(200)
      expect((res.json as { number: number }[]).map(p => p.number)).toEqual([14])
    }
    expect((await call('GET', `/repos/${O}/${R}/commits/${'d'.repeat(40)}/pulls`)).json).toEqual([])
  })

  it('injects faults for the next N matching requests and records them', async () => {
    const mark = api.requests.length
    api.injectFault({ operationId: 'issues/list-comments' }, 502, 2)
    api.injectFault({ method: 'POST', path: /\/issues\/13\/comments$/ }, 'secondary-rate-limit')
    expect(api.pendingFaults()).toBe(3)
    expect((await call('GET', `/repos/${O}/${R}/issues/13/comments`)).status).toBe(502)
    expect((await call('GET', `/repos/${O}/${R}/issues/13/comments`)).status).toBe(502)
    expect((await call('GET', `/repos/${O}/${R}/issues/13/comments`)).status).toBe(200)
    const limited = await call('POST', `/repos/${O}/${R}/issues/13/comments`, { body: 'x' })
    expect(limited.status).toBe(403)
    expect(limited.headers.get('retry-after')).toBe('1')
    expect((limited.json as { message: string }).message).toMatch(/^You have exceeded a secondary rate limit/)
    expect(api.state.listComments(O, R, 13)).toEqual([])

    api.injectFault({ operationId: 'issues/create-comment' }, { status: 502, afterApply: true })
    expect((await call('POST', `/repos/${O}/${R}/issues/13/comments`, { body: 'y' })).status).toBe(502)
    expect(api.state.listComments(O, R, 13).map(c => c.body)).toEqual(['y'])
    expect(api.since(mark).map(r => `${r.method} ${r.status} ${r.fault ?? ''}`.trim())).toEqual([
      'GET 502 502',
      'GET 502 502',
      'GET 200',
      'POST 403 secondary-rate-limit',
      'POST 502 502 after apply'
    ])
    expect(api.pendingFaults()).toBe(0)
  })

  it('hangs, delays and holds requests at a barrier on request', async () => {
    // hang: the request is read, recorded, and never answered.
    api.injectFault({ operationId: 'issues/list-comments', path: /\/issues\/16\// }, 'hang')
    const hung = fetch(`${api.url}/repos/${O}/${R}/issues/16/comments`, {
      headers: { authorization: `token ${TEST_TOKENS.write}` },
      signal: AbortSignal.timeout(300)
    })
    await expect(hung).rejects.toThrow(/aborted|timeout/i)
    expect(api.hung.map(r => `${r.method} ${r.path}`)).toEqual([`GET /repos/${O}/${R}/issues/16/comments`])

    // delay: answered normally, later.
    api.injectFault({ method: 'POST', body: /"slow"/ }, { delayMs: 200 })
    const started = Date.now()
    expect((await call('POST', `/repos/${O}/${R}/issues/17/comments`, { body: 'slow' })).status).toBe(201)
    expect(Date.now() - started).toBeGreaterThanOrEqual(190)

    // barrier: the first list waits until the second arrives; both see the state before either write.
    api.injectFault({ method: 'GET', path: `/repos/${O}/${R}/issues/17/comments` }, { barrier: 2 }, 2)
    const first = call('GET', `/repos/${O}/${R}/issues/17/comments`)
    let firstDone = false
    void first.then(() => (firstDone = true))
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(firstDone).toBe(false)
    const [a, b] = await Promise.all([first, call('GET', `/repos/${O}/${R}/issues/17/comments`)])
    expect([(a.json as unknown[]).length, (b.json as unknown[]).length]).toEqual([1, 1])
    api.clearFaults()
    expect(api.pendingFaults()).toBe(0)
  })

  it("answers with responses that match GitHub's documented schemas", () => {
    expect(api.errors).toEqual([])
  })
})
