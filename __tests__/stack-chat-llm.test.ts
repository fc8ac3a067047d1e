// End-to-end check of the chat-LLM composition root (modules/chat-llm-stack) with the real terraform binary:
// for env/dev.tfvars, env/prod.tfvars and dev with ml_enabled = true, in a temp copy of modules/ with a local
// backend (override.tf): init -> plan -out -> show -json -> apply the saved plan -> show -json (state) ->
// plan -detailed-exitcode (no changes).
// The JSON plan and state are then checked against the security baseline across ALL resources.
// The provider comes from TF_CLI_CONFIG_FILE (the offline azurerm mirror) or the registry; with neither it skips.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { azurermUnavailableReason, reportSkip } from './support/azurerm-provider.js'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const modulesDir = path.join(repoRoot, 'modules')
const STACK = 'chat-llm-stack'
// dev and prod as shipped, plus dev with the optional ML workspace (its storage, Key Vault and App Insights).
const SCENARIOS = [
  { name: 'dev', environment: 'dev', extraArgs: [] as string[] },
  { name: 'prod', environment: 'prod', extraArgs: [] as string[] },
  { name: 'dev+ml', environment: 'dev', extraArgs: ['-var=ml_enabled=true'] }
] as const
type Scenario = (typeof SCENARIOS)[number]
const STEP_TIMEOUT_MS = 240_000

// Resource types that support diagnostic settings; every instance in the stack must be the target of one.
const DIAGNOSTIC_TYPES = [
  'azurerm_linux_web_app',
  'azurerm_linux_web_app_slot',
  'azurerm_service_plan',
  'azurerm_key_vault',
  'azurerm_container_registry',
  'azurerm_postgresql_flexible_server',
  'azurerm_managed_redis',
  'azurerm_cognitive_account',
  'azurerm_machine_learning_workspace',
  'azurerm_virtual_network',
  'azurerm_network_security_group',
  'azurerm_storage_account',
  'azurerm_log_analytics_workspace',
  'azurerm_application_gateway'
]

// Types whose public endpoint must be explicitly off (false, not merely unset).
const PUBLIC_ACCESS_TYPES = [
  'azurerm_linux_web_app',
  'azurerm_linux_web_app_slot',
  'azurerm_key_vault',
  'azurerm_container_registry',
  'azurerm_postgresql_flexible_server',
  'azurerm_cognitive_account',
  'azurerm_machine_learning_workspace',
  'azurerm_storage_account'
]

// Types that must be reached through a private endpoint of their own.
const PRIVATE_ENDPOINT_TYPES = [
  'azurerm_linux_web_app',
  'azurerm_key_vault',
  'azurerm_container_registry',
  'azurerm_postgresql_flexible_server',
  'azurerm_managed_redis',
  'azurerm_cognitive_account',
  'azurerm_machine_learning_workspace',
  'azurerm_storage_account'
]

type Values = Record<string, unknown>

interface RunResult {
  code: number
  stdout: string
  stderr: string
}

interface ResourceChange {
  address: string
  type: string
  mode: string
  change: { actions: string[]; after: Values | null }
}

interface PlanJson {
  resource_changes?: ResourceChange[]
  configuration?: {
    provider_config?: Record<string, { expressions?: Record<string, unknown> }>
  }
  planned_values?: { outputs?: Record<string, { value?: unknown }> }
}

interface StateResource {
  address: string
  type: string
  mode: string
  values: Values
}

interface StateModule {
  resources?: StateResource[]
  child_modules?: StateModule[]
}

interface StateJson {
  values?: { root_module?: StateModule; outputs?: Record<string, { value?: unknown }> }
}

interface EnvironmentRun {
  plan: PlanJson
  outputs: Record<string, { value?: unknown }>
  planned: ResourceChange[]
  state: StateResource[]
  replan: RunResult
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise(resolve => {
    execFile(command, args, { cwd, env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 127) : 0
      resolve({ code, stdout: String(stdout), stderr: String(stderr) })
    })
  })
}

async function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv, okCodes = [0]): Promise<RunResult> {
  const result = await run('terraform', [...args, '-no-color'], cwd, env)
  if (!okCodes.includes(result.code)) {
    throw new Error(`terraform ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`.trim())
  }
  return result
}

/** Workspace names allow letters, digits, '-' and '_'. */
function workspaceName(scenario: Scenario): string {
  return scenario.name.replace(/[^a-z0-9_-]/gi, '-')
}

function stateResources(module: StateModule | undefined): StateResource[] {
  if (!module) return []
  return [...(module.resources ?? []), ...(module.child_modules ?? []).flatMap(stateResources)]
}

/** Every [path, value] pair under a planned resource, so a rule can look at one attribute name anywhere. */
function attributes(value: unknown, pathSoFar = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => attributes(item, `${pathSoFar}[${index}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Values).flatMap(([key, child]) => [
      [`${pathSoFar}.${key}`, child] as [string, unknown],
      ...attributes(child, `${pathSoFar}.${key}`)
    ])
  }
  return []
}

/** Where the planned value of attribute `name` (any depth) fails `ok`, e.g. "x: .public_network_access_enabled=1". */
function violations(changes: ResourceChange[], name: string, ok: (value: unknown) => boolean): string[] {
  return changes.flatMap(rc =>
    attributes(rc.change.after)
      .filter(([attributePath, value]) => attributePath.endsWith(`.${name}`) && value !== null && !ok(value))
      .map(([attributePath, value]) => `${rc.address}: ${attributePath}=${JSON.stringify(value)}`)
  )
}

function first(value: unknown): Values {
  return (Array.isArray(value) ? value[0] : value) as Values
}

const skipReason = await azurermUnavailableReason()
reportSkip('__tests__/stack-chat-llm.test.ts', skipReason)
const suite = skipReason ? describe.skip : describe

suite('chat-llm-stack: plan, apply and re-plan against the offline provider', () => {
  let workDir = ''
  let stackDir = ''
  let baseEnv: NodeJS.ProcessEnv = process.env
  const runs = new Map<string, EnvironmentRun>()

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'stack-chat-llm-'))
    const copied = path.join(workDir, 'modules')
    // The root calls its siblings (../app, ../network, ...), so the whole modules/ tree is copied.
    await cp(modulesDir, copied, {
      recursive: true,
      filter: source => {
        const base = path.basename(source)
        return base !== '.terraform' && base !== '.terraform.lock.hcl' && !base.startsWith('terraform.tfstate')
      }
    })
    stackDir = path.join(copied, STACK)
    // Terraform merges *override.tf last: the partial azurerm backend becomes a local one.
    await writeFile(path.join(stackDir, 'override.tf'), 'terraform {\n  backend "local" {}\n}\n')
    const pluginCacheDir = process.env.TF_PLUGIN_CACHE_DIR ?? path.join(workDir, 'plugin-cache')
    await mkdir(pluginCacheDir, { recursive: true })
    baseEnv = {
      ...process.env,
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
      TF_PLUGIN_CACHE_DIR: pluginCacheDir,
      ARM_SUBSCRIPTION_ID: '00000000-0000-0000-0000-000000000000'
    }
    delete baseEnv.TF_WORKSPACE
    await terraform(['init', '-input=false'], stackDir, baseEnv)
    // One local-state workspace per scenario: they share the init but not the state.
    for (const scenario of SCENARIOS) await terraform(['workspace', 'new', workspaceName(scenario)], stackDir, baseEnv)
  }, STEP_TIMEOUT_MS)

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true })
  })

  describe.each(SCENARIOS.map(scenario => [scenario.name, scenario] as const))('%s', (_name, scenario: Scenario) => {
    const { environment } = scenario
    const mlEnabled = scenario.extraArgs.length > 0
    const varArgs = [`-var-file=env/${environment}.tfvars`, ...scenario.extraArgs]
    const workspace = workspaceName(scenario)
    const planFile = `${workspace}.tfplan`
    const env = (): NodeJS.ProcessEnv => ({ ...baseEnv, TF_WORKSPACE: workspace })
    const result = (): EnvironmentRun => {
      const found = runs.get(workspace)
      if (!found) throw new Error(`the ${scenario.name} run did not complete; see the first failure`)
      return found
    }
    const planned = (type?: string): ResourceChange[] =>
      result().planned.filter(rc => rc.mode === 'managed' && (!type || rc.type === type))
    const state = (type: string): StateResource[] => result().state.filter(r => r.mode === 'managed' && r.type === type)

    test(
      'init, plan -out, show -json, apply the saved plan, re-plan shows no changes',
      async () => {
        await terraform(['plan', '-input=false', ...varArgs, `-out=${planFile}`], stackDir, env())
        const plan = JSON.parse((await terraform(['show', '-json', planFile], stackDir, env())).stdout) as PlanJson
        await terraform(['apply', '-input=false', '-auto-approve', planFile], stackDir, env())
        const shown = JSON.parse((await terraform(['show', '-json'], stackDir, env())).stdout) as StateJson
        const replan = await terraform(
          ['plan', '-input=false', ...varArgs, '-detailed-exitcode'],
          stackDir,
          env(),
          [0, 2]
        )
        runs.set(workspace, {
          plan,
          outputs: shown.values?.outputs ?? {},
          planned: plan.resource_changes ?? [],
          state: stateResources(shown.values?.root_module),
          replan
        })
        expect(replan.code === 0 ? 'no changes' : replan.stdout).toBe('no changes')
      },
      STEP_TIMEOUT_MS
    )

    test('the plan only creates resources and covers every module', () => {
      const actions = new Set(planned().flatMap(rc => rc.change.actions))
      expect([...actions]).toEqual(['create'])
      const types = new Set(planned().map(rc => rc.type))
      for (const type of [
        'azurerm_resource_group',
        'azurerm_virtual_network',
        'azurerm_log_analytics_workspace',
        'azurerm_key_vault',
        'azurerm_container_registry',
        'azurerm_linux_web_app',
        'azurerm_postgresql_flexible_server',
        'azurerm_managed_redis',
        'azurerm_cognitive_account',
        'azurerm_cognitive_deployment'
      ]) {
        expect(types).toContain(type)
      }
      // ml is off by default; with it come its own storage account, Key Vault and Application Insights.
      for (const type of ['azurerm_machine_learning_workspace', 'azurerm_storage_account']) {
        if (mlEnabled) expect(types).toContain(type)
        else expect(types).not.toContain(type)
      }
      expect(planned('azurerm_key_vault').length).toBe(mlEnabled ? 2 : 1)
      expect(planned('azurerm_application_insights').length).toBe(mlEnabled ? 2 : 1)
    })

    test('no public network access anywhere', () => {
      expect(violations(planned(), 'public_network_access_enabled', value => value === false)).toEqual([])
      expect(violations(planned(), 'public_network_access', value => value === 'Disabled')).toEqual([])
      const unset = PUBLIC_ACCESS_TYPES.flatMap(type =>
        planned(type)
          .filter(rc => rc.change.after?.public_network_access_enabled !== false)
          .map(rc => rc.address)
      )
      expect(unset).toEqual([])
      const redis = planned('azurerm_managed_redis')
      expect(redis.map(rc => rc.change.after?.public_network_access)).toEqual(redis.map(() => 'Disabled'))
    })

    test('TLS 1.2 minimums and TLS-only transports', () => {
      const tls = ['1.2', '1.3', 'TLS1_2', 'TLS1_3', 'TLSv1.2', 'TLSv1.3']
      expect(violations(planned(), 'minimum_tls_version', value => tls.includes(String(value)))).toEqual([])
      expect(violations(planned(), 'scm_minimum_tls_version', value => tls.includes(String(value)))).toEqual([])
      expect(violations(planned(), 'min_tls_version', value => tls.includes(String(value)))).toEqual([])
      for (const type of ['azurerm_linux_web_app', 'azurerm_linux_web_app_slot']) {
        for (const rc of planned(type)) {
          const site = first(rc.change.after?.site_config)
          expect({ address: rc.address, https: rc.change.after?.https_only, tls: site.minimum_tls_version }).toEqual({
            address: rc.address,
            https: true,
            tls: '1.2'
          })
          expect(site.ftps_state).toBe('Disabled')
          expect(site.http2_enabled).toBe(true)
        }
      }
      const pgConfig = Object.fromEntries(
        planned('azurerm_postgresql_flexible_server_configuration').map(rc => [
          rc.change.after?.name,
          rc.change.after?.value
        ])
      )
      expect(pgConfig).toMatchObject({
        require_secure_transport: 'on',
        ssl_min_protocol_version: 'TLSv1.2',
        log_connections: 'on',
        log_checkpoints: 'on',
        'connection_throttle.enable': 'on'
      })
      for (const rc of planned('azurerm_managed_redis')) {
        expect(first(rc.change.after?.default_database).client_protocol).toBe('Encrypted')
      }
    })

    test('local, key and password authentication are off', () => {
      expect(violations(planned(), 'local_auth_enabled', value => value === false)).toEqual([])
      expect(violations(planned(), 'local_authentication_enabled', value => value === false)).toEqual([])
      expect(violations(planned(), 'access_keys_authentication_enabled', value => value === false)).toEqual([])
      expect(violations(planned(), 'shared_access_key_enabled', value => value === false)).toEqual([])
      expect(violations(planned(), 'admin_enabled', value => value === false)).toEqual([])
      expect(violations(planned(), 'password_auth_enabled', value => value === false)).toEqual([])
      expect(violations(planned(), 'ftp_publish_basic_authentication_enabled', value => value === false)).toEqual([])
      expect(violations(planned(), 'webdeploy_publish_basic_authentication_enabled', value => value === false)).toEqual(
        []
      )
      expect(violations(planned(), 'administrator_password', () => false)).toEqual([])
      expect(violations(planned(), 'docker_registry_password', () => false)).toEqual([])
      for (const rc of planned('azurerm_cognitive_account')) expect(rc.change.after?.local_auth_enabled).toBe(false)
      for (const rc of planned('azurerm_postgresql_flexible_server')) {
        expect(first(rc.change.after?.authentication)).toMatchObject({
          active_directory_auth_enabled: true,
          password_auth_enabled: false
        })
      }
      // App settings carry endpoints, never credentials.
      for (const rc of [...planned('azurerm_linux_web_app'), ...planned('azurerm_linux_web_app_slot')]) {
        const settings = (rc.change.after?.app_settings ?? {}) as Record<string, string>
        const leaks = Object.entries(settings).filter(
          ([name, value]) =>
            /PASSWORD|DOCKER_REGISTRY_SERVER_|ACCESS_KEY|PRIMARY_KEY/i.test(name) ||
            /AccountKey=|Password=|SharedAccessKey=/i.test(String(value))
        )
        expect(leaks).toEqual([])
      }
    })

    test('managed identities: user-assigned on the app, identity on Foundry, registry pull with the identity', () => {
      for (const type of ['azurerm_linux_web_app', 'azurerm_linux_web_app_slot']) {
        for (const rc of planned(type)) {
          expect(first(rc.change.after?.identity).type).toBe('UserAssigned')
          const site = first(rc.change.after?.site_config)
          expect(site.container_registry_use_managed_identity).toBe(true)
          expect(site.vnet_route_all_enabled).toBe(true)
          expect(rc.change.after?.vnet_image_pull_enabled).toBe(true)
        }
      }
      for (const rc of planned('azurerm_cognitive_account')) {
        expect(rc.change.after).toMatchObject({ kind: 'AIServices', project_management_enabled: true })
        expect(first(rc.change.after?.identity).type).toContain('SystemAssigned')
        expect(first(rc.change.after?.network_acls).default_action).toBe('Deny')
      }
      for (const rc of planned('azurerm_cognitive_deployment')) {
        const model = first(rc.change.after?.model)
        expect(String(model.version ?? '')).not.toBe('')
        expect(rc.change.after?.version_upgrade_option).toBe('NoAutoUpgrade')
      }
    })

    test('the app identity reaches every service without a password', () => {
      const identity = state('azurerm_user_assigned_identity').find(r => r.address.startsWith('module.app.'))
      expect(identity).toBeDefined()
      const principal = identity?.values.principal_id
      const roles = state('azurerm_role_assignment')
        .filter(r => r.values.principal_id === principal)
        .map(r => r.values.role_definition_name)
        .sort()
      expect(roles).toEqual(['AcrPull', 'Azure AI User', 'Key Vault Secrets User', 'Monitoring Metrics Publisher'])
      // Least privilege: the app is never a PostgreSQL administrator; its role comes from the one-time SQL output.
      const pgAdmins = state('azurerm_postgresql_flexible_server_active_directory_administrator')
      expect(pgAdmins.length).toBe(1)
      expect(pgAdmins.map(r => r.values.object_id)).not.toContain(principal)
      const sql = String(result().outputs.postgres_app_role_sql?.value ?? '')
      expect(sql).toContain(`pgaadauth_create_principal_with_oid('${String(identity?.values.name)}'`)
      expect(sql).not.toMatch(/azure_pg_admin|, true, /)
      const redisPolicies = state('azurerm_managed_redis_access_policy_assignment')
      expect(redisPolicies.map(r => r.values.object_id)).toEqual([principal])
      const app = state('azurerm_linux_web_app')[0]
      expect(app.values.key_vault_reference_identity_id).toBe(identity?.values.id)
      expect(first(app.values.site_config).container_registry_managed_identity_client_id).toBe(
        identity?.values.client_id
      )
    })

    test('a diagnostic setting for every resource that supports one, plus the subscription activity log', () => {
      const targets = new Set(state('azurerm_monitor_diagnostic_setting').map(r => String(r.values.target_resource_id)))
      const missing = DIAGNOSTIC_TYPES.flatMap(type =>
        state(type)
          .filter(r => !targets.has(String(r.values.id)))
          .map(r => r.address)
      )
      expect(missing).toEqual([])
      expect([...targets].some(target => /^\/subscriptions\/[^/]+$/.test(target))).toBe(true)
      for (const rc of planned('azurerm_monitor_diagnostic_setting')) {
        expect(rc.change.after?.log).toBeUndefined()
        expect(rc.change.after?.metric ?? []).toEqual([])
      }
      // Resource-specific tables (Dedicated) everywhere they exist: not the subscription activity log (AzureActivity)
      // and not NSGs, whose event and rule-counter logs exist only in AzureDiagnostics (Dedicated would drift there).
      const shared = state('azurerm_monitor_diagnostic_setting').filter(
        r =>
          !/^\/subscriptions\/[^/]+$|\/networkSecurityGroups\//i.test(String(r.values.target_resource_id)) &&
          r.values.log_analytics_destination_type !== 'Dedicated'
      )
      expect(shared.map(r => r.address)).toEqual([])
    })

    test('every private-link service has a private endpoint', () => {
      const connected = new Set(
        state('azurerm_private_endpoint').map(r =>
          String(first(r.values.private_service_connection).private_connection_resource_id)
        )
      )
      const missing = PRIVATE_ENDPOINT_TYPES.flatMap(type =>
        state(type)
          .filter(r => !connected.has(String(r.values.id)))
          .map(r => r.address)
      )
      expect(missing).toEqual([])
    })

    test('every subnet has an NSG, every private endpoint a DNS zone group', () => {
      const associated = new Set(
        state('azurerm_subnet_network_security_group_association').map(r => String(r.values.subnet_id))
      )
      const subnets = state('azurerm_subnet')
      expect(subnets.length).toBeGreaterThanOrEqual(2)
      expect(subnets.filter(r => !associated.has(String(r.values.id))).map(r => r.address)).toEqual([])
      const endpoints = planned('azurerm_private_endpoint')
      expect(endpoints.length).toBeGreaterThanOrEqual(6)
      expect(
        endpoints
          .filter(
            rc =>
              !Array.isArray(rc.change.after?.private_dns_zone_group) ||
              !(rc.change.after?.private_dns_zone_group as unknown[]).length
          )
          .map(rc => rc.address)
      ).toEqual([])
    })

    test('apply-time rules Azure alone enforces are configured (storage data plane, ML identity access, names)', () => {
      // Azure-side, invisible offline: a private storage account needs data_plane_available = false
      // (storage_account_resource.go ~L1578 at v4.79.0; provider issues #32474, #25978).
      const features = first((result().plan.configuration?.provider_config?.azurerm?.expressions ?? {}).features)
      const storage = first(features.storage)
      expect(first(storage.data_plane_available)).toEqual({ constant_value: false })
      for (const rc of planned('azurerm_machine_learning_workspace')) {
        expect(rc.change.after?.storage_account_access_type).toBe('Identity')
      }
      for (const rc of planned('azurerm_key_vault'))
        expect(String(rc.change.after?.name).length).toBeLessThanOrEqual(24)
      // blobServices / fileServices accept only Capacity and Transaction metrics.
      for (const rc of planned('azurerm_monitor_diagnostic_setting')) {
        if (!/\/(blob|file)Services\/default$/.test(String(rc.change.after?.target_resource_id))) continue
        const categories = ((rc.change.after?.enabled_metric ?? []) as Values[]).map(m => m.category)
        expect(categories.every(c => c === 'Capacity' || c === 'Transaction')).toBe(true)
      }
      // Secrets and certificates wait for RBAC propagation (time_sleep) after their role assignments.
      expect(planned('azurerm_key_vault_certificate').length).toBe(1)
      expect(planned('time_sleep').length).toBeGreaterThanOrEqual(2)
    })

    test('users reach the app through the WAF; the staging slot has its own private endpoint', () => {
      const gateway = planned('azurerm_application_gateway')
      expect(gateway.length).toBe(1)
      expect(first(gateway[0].change.after?.sku)).toMatchObject({ name: 'WAF_v2', tier: 'WAF_v2' })
      const waf = planned('azurerm_web_application_firewall_policy')[0].change.after ?? {}
      expect(first(waf.policy_settings)).toMatchObject({ enabled: true, mode: 'Prevention' })
      const url = String(result().plan.planned_values?.outputs?.url?.value ?? '')
      expect(url).toMatch(/^https:\/\/chat-[a-z]+-[0-9a-f]{5}\.swedencentral\.cloudapp\.azure\.com\/$/)
      const zones = (gateway[0].change.after?.zones ?? []) as string[]
      expect(zones.length).toBe(environment === 'prod' ? 3 : 0)
      const subresources = planned('azurerm_private_endpoint').flatMap(rc =>
        ((first(rc.change.after?.private_service_connection).subresource_names ?? []) as string[]).slice()
      )
      expect(subresources).toContain('sites')
      expect(subresources).toContain('sites-staging')
      const app = planned('azurerm_linux_web_app')[0].change.after ?? {}
      expect(first(app.auth_settings_v2)).toMatchObject({ auth_enabled: true, require_authentication: true })
      expect(first(app.sticky_settings).app_setting_names).toEqual(['AZURE_OPENAI_DEPLOYMENT'])
    })

    test('Key Vaults have purge protection, registries are locked down', () => {
      const vaults = planned('azurerm_key_vault')
      expect(vaults.length).toBeGreaterThan(0)
      for (const rc of vaults) {
        expect(rc.change.after).toMatchObject({ purge_protection_enabled: true })
        expect(first(rc.change.after?.network_acls).default_action).toBe('Deny')
      }
      for (const rc of planned('azurerm_container_registry')) {
        expect(rc.change.after).toMatchObject({ sku: 'Premium', admin_enabled: false })
      }
    })

    const sizing = environment === 'prod' ? 'zone-redundant and highly available' : 'small, no zone redundancy, no HA'
    test(`${environment} sizing: ${sizing}`, () => {
      const plan = planned('azurerm_service_plan')[0].change.after ?? {}
      const pg = planned('azurerm_postgresql_flexible_server')[0].change.after ?? {}
      const redis = planned('azurerm_managed_redis')[0].change.after ?? {}
      const locks = planned('azurerm_management_lock')
      if (environment === 'prod') {
        expect(plan).toMatchObject({ sku_name: 'P1v3', zone_balancing_enabled: true })
        expect(Number(plan.worker_count)).toBeGreaterThanOrEqual(3)
        expect(first(pg.high_availability).mode).toBe('ZoneRedundant')
        expect(pg).toMatchObject({ geo_redundant_backup_enabled: true, backup_retention_days: 35 })
        expect(redis.high_availability_enabled).toBe(true)
        expect(locks.length).toBeGreaterThan(0)
        // A lock on the Foundry account would be inherited by its deployments and block their deletes (ScopeLocked).
        expect(locks.filter(rc => rc.address.startsWith('module.ai.'))).toEqual([])
        expect(planned('azurerm_monitor_autoscale_setting').length).toBe(1)
        expect(planned('terraform_data').length).toBe(2) // prevent_destroy sentinels: Key Vault, PostgreSQL
      } else {
        expect(plan.zone_balancing_enabled).toBe(false)
        expect(pg.high_availability).toEqual([])
        expect(String(pg.sku_name)).toMatch(/^B_/)
        expect(redis.high_availability_enabled).toBe(false)
        expect(locks).toEqual([])
        expect(planned('terraform_data')).toEqual([])
      }
    })
  })
})
