data "azurerm_client_config" "current" {}

locals {
  suffix = coalesce(var.name_suffix, substr(sha256("${data.azurerm_client_config.current.subscription_id}/${var.workload}/${var.environment}"), 0, 5))
  stem   = "${var.workload}-${var.environment}"

  names = {
    resource_group = "rg-${local.stem}"
    vnet           = "vnet-${local.stem}"
    log_analytics  = "log-${local.stem}"
    key_vault      = "kv-${local.stem}-${local.suffix}"
    registry       = "cr${var.workload}${var.environment}${local.suffix}"
    app            = "app-${local.stem}-${local.suffix}"
    identity       = "id-app-${local.stem}"
    postgres       = "psql-${local.stem}-${local.suffix}"
    redis          = "redis-${local.stem}-${local.suffix}"
    foundry        = "aif-${local.stem}-${local.suffix}"
    gateway        = "agw-${local.stem}"
    ingress_label  = "${var.workload}-${var.environment}-${local.suffix}"
  }

  tags = merge(var.tags, { workload = var.workload, environment = var.environment, managed-by = "terraform" })

  # Locks go on the data-bearing and hard-to-rebuild resources (Key Vault, PostgreSQL, Redis, registry, VNet), not on
  # the Foundry account: a lock on a parent scope applies to all its children (Azure docs, "Lock your resources":
  # "locks are inherited"), so a CanNotDelete lock on the account fails every model deployment delete or
  # replacement with ScopeLocked, and the blue/green rollout needs deletes. The account holds no data; the action's
  # destroy guard (azurerm_cognitive_account) and the missing delete in reviewed plans protect it instead.
  # Children of the locked resources change rarely and deliberately (a PostgreSQL database, a Redis access policy
  # assignment when the app identity is replaced): such a PR lifts the lock first (lock_kind = null), then restores it.
  lock = var.lock_kind == null ? null : { kind = var.lock_kind }

  # Subnets: app integration, private endpoints, the gateway and the operations path (runners / jump box).
  subnets = merge(
    {
      "snet-app" = { role = "app" }
      "snet-pe"  = { role = "private_endpoints" }
      "snet-ops" = { role = "ops" }
    },
    var.ingress_enabled ? { "snet-agw" = { role = "gateway" } } : {},
  )

  ingress_host_name          = coalesce(var.ingress_host_name, "${local.names.ingress_label}.${var.location}.cloudapp.azure.com")
  create_ingress_certificate = var.ingress_enabled && var.ingress_certificate_secret_id == null

  # Private DNS zones the network module creates; the ML zones only when the workspace exists.
  ml_dns_zones = [
    "privatelink.api.azureml.ms",
    "privatelink.notebooks.azure.net",
    "privatelink.blob.core.windows.net",
    "privatelink.file.core.windows.net",
  ]
  private_dns_zones = concat([
    "privatelink.vaultcore.azure.net",
    "privatelink.azurecr.io",
    "privatelink.postgres.database.azure.com",
    "privatelink.redis.azure.net",
    "privatelink.cognitiveservices.azure.com",
    "privatelink.openai.azure.com",
    "privatelink.services.ai.azure.com",
    "privatelink.azurewebsites.net",
  ], var.ml_enabled ? local.ml_dns_zones : [])

  pe_subnet_id = module.network.subnet_ids_by_role["private_endpoints"]
  dns_zone_ids = module.network.private_dns_zone_ids

  diagnostic_settings = {
    law = { workspace_resource_id = module.monitoring.resource_id }
  }
}

resource "azurerm_resource_group" "this" {
  name     = local.names.resource_group
  location = var.location
  tags     = local.tags
}

# Log Analytics + workspace-based Application Insights + the subscription activity log (the replacement for the
# removed azurerm_monitor_log_profile) + alerts.
module "monitoring" {
  source = "../monitoring"

  name                = local.names.log_analytics
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
  retention_in_days   = var.log_retention_in_days
  daily_quota_gb      = var.log_daily_quota_gb

  action_group = length(var.alert_email_addresses) == 0 ? null : {
    short_name      = substr("${var.workload}${var.environment}", 0, 12)
    email_receivers = { for index, address in var.alert_email_addresses : "email-${index}" => address }
  }

  metric_alerts = {
    app-http-5xx = {
      scopes      = [module.app.resource_id]
      description = "The chat app returns server errors."
      criteria = [{
        metric_namespace = "Microsoft.Web/sites"
        metric_name      = "Http5xx"
        aggregation      = "Total"
        operator         = "GreaterThan"
        threshold        = 10
      }]
    }
    postgres-cpu = {
      scopes      = [module.postgres.resource_id]
      description = "PostgreSQL CPU is high."
      criteria = [{
        metric_namespace = "Microsoft.DBforPostgreSQL/flexibleServers"
        metric_name      = "cpu_percent"
        aggregation      = "Average"
        operator         = "GreaterThan"
        threshold        = 80
      }]
    }
  }

  # The workspace's own audit logs (queries) go to itself.
  diagnostic_settings = {
    self = { workspace_resource_id = module.monitoring.resource_id }
  }
}

module "network" {
  source = "../network"

  name                = local.names.vnet
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
  address_space       = var.address_space
  subnets             = local.subnets
  private_dns_zones   = local.private_dns_zones

  additional_security_rules = var.additional_security_rules
  diagnostic_settings       = local.diagnostic_settings
  lock                      = local.lock
}

module "keyvault" {
  source = "../keyvault"

  name                = local.names.key_vault
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
  tenant_id           = data.azurerm_client_config.current.tenant_id
  prevent_destroy     = var.prevent_destroy

  # Secrets the app reads through Key Vault references (values are write-only, never in plan or state).
  secrets       = var.key_vault_secrets
  secret_values = var.key_vault_secret_values
  role_assignments = length(var.key_vault_secrets) == 0 ? {} : {
    deployer-secrets-officer = {
      role_definition_id_or_name = "Key Vault Secrets Officer"
      principal_id               = data.azurerm_client_config.current.object_id
      description                = "The identity running Terraform writes the app's secrets."
    }
  }

  private_endpoints = {
    pe = {
      subnet_resource_id            = local.pe_subnet_id
      private_dns_zone_resource_ids = [local.dns_zone_ids["privatelink.vaultcore.azure.net"]]
    }
  }
  diagnostic_settings = local.diagnostic_settings
  lock                = local.lock
}

module "registry" {
  source = "../registry"

  name                    = local.names.registry
  location                = var.location
  resource_group_name     = azurerm_resource_group.this.name
  tags                    = local.tags
  zone_redundancy_enabled = var.registry_zone_redundancy_enabled

  private_endpoints = {
    pe = {
      subnet_resource_id            = local.pe_subnet_id
      private_dns_zone_resource_ids = [local.dns_zone_ids["privatelink.azurecr.io"]]
    }
  }
  diagnostic_settings = local.diagnostic_settings
  lock                = local.lock
}

module "ai" {
  source = "../ai"

  name                  = local.names.foundry
  location              = var.location
  resource_group_name   = azurerm_resource_group.this.name
  tags                  = local.tags
  custom_subdomain_name = local.names.foundry
  project               = { name = var.workload, display_name = "${var.workload} (${var.environment})" }
  model_deployments     = var.model_deployments
  content_filter_policy = var.content_filter_policy

  private_endpoints = {
    pe = {
      subnet_resource_id = local.pe_subnet_id
      private_dns_zone_resource_ids = [
        local.dns_zone_ids["privatelink.cognitiveservices.azure.com"],
        local.dns_zone_ids["privatelink.openai.azure.com"],
        local.dns_zone_ids["privatelink.services.ai.azure.com"],
      ]
    }
  }
  diagnostic_settings = local.diagnostic_settings
  # No lock on the Foundry account (see local.lock): its deployments must come and go.
}

# The app identity reaches every service without a password: Azure RBAC for the registry, Key Vault, Foundry and
# Application Insights (created before the web app, inside the app module); an access policy assignment on Redis; a
# least-privilege PostgreSQL role created once with SQL (output postgres_app_role_sql: azurerm cannot create roles).
module "app" {
  source = "../app"

  name                = local.names.app
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
  identity_name       = local.names.identity

  sku_name               = var.app_sku_name
  worker_count           = var.app_worker_count
  zone_balancing_enabled = var.app_zone_balancing_enabled
  staging_slot_enabled   = var.app_staging_slot_enabled
  autoscale              = var.app_autoscale
  health_check_path      = var.app_health_check_path

  authentication = var.app_entra_client_id == null ? null : {
    client_id = var.app_entra_client_id
    tenant_id = data.azurerm_client_config.current.tenant_id
  }
  authentication_required = var.app_authentication_required

  container = {
    registry_login_server = module.registry.login_server
    image_name            = var.app_image_name
  }
  staging_slot_image_name            = var.app_staging_image_name
  virtual_network_subnet_resource_id = module.network.subnet_ids_by_role["app"]

  identity_role_assignments = {
    acr_pull = {
      scope_resource_id          = module.registry.resource_id
      role_definition_id_or_name = "AcrPull"
    }
    key_vault_secrets_user = {
      scope_resource_id          = module.keyvault.resource_id
      role_definition_id_or_name = "Key Vault Secrets User"
    }
    foundry = {
      scope_resource_id          = module.ai.resource_id
      role_definition_id_or_name = var.foundry_role_definition_name
    }
    app_insights_publisher = {
      scope_resource_id          = module.monitoring.application_insights_id
      role_definition_id_or_name = "Monitoring Metrics Publisher"
    }
  }

  # Not a credential here: local auth is off on the component, so ingestion needs an Entra token and the key in the
  # string grants nothing. Kept sensitive, it would make the whole app_settings map sensitive: every app setting
  # change (the model switch of a rollout) would show as "(sensitive value)" in the plan under review.
  application_insights_connection_string = nonsensitive(module.monitoring.connection_string)

  # Endpoints only; the app authenticates everywhere with its identity (AZURE_CLIENT_ID is set by the module).
  app_settings = merge({
    AZURE_OPENAI_ENDPOINT   = module.ai.openai_endpoint
    AZURE_AI_ENDPOINT       = module.ai.endpoint
    AZURE_OPENAI_DEPLOYMENT = var.active_model_deployment
    KEY_VAULT_URI           = module.keyvault.vault_uri
    POSTGRES_HOST           = module.postgres.fqdn
    POSTGRES_DATABASE       = var.postgres_database_name
    POSTGRES_USER           = local.names.identity
    POSTGRES_SSLMODE        = "require"
    REDIS_HOST              = module.redis.hostname
    REDIS_PORT              = tostring(module.redis.port)
    REDIS_SSL               = "true"
  }, var.app_settings)

  # The model deployment is a slot setting (sticky): each slot keeps the value declared here, whatever is swapped,
  # so Terraform stays the source of truth and an apply never reverts a rollout. Staging tests the candidate first.
  staging_slot_app_settings = {
    AZURE_OPENAI_DEPLOYMENT = coalesce(var.staging_model_deployment, var.active_model_deployment)
  }
  sticky_app_setting_names = ["AZURE_OPENAI_DEPLOYMENT"]

  key_vault_secret_references = {
    for setting, secret in var.app_secret_references : setting => module.keyvault.secret_versionless_ids[secret]
  }

  # The Application Gateway (module gateway) reaches the app through this endpoint; the public endpoint is off.
  private_endpoints = {
    pe = {
      subnet_resource_id            = local.pe_subnet_id
      private_dns_zone_resource_ids = [local.dns_zone_ids["privatelink.azurewebsites.net"]]
    }
  }
  # Smoke tests of the staging slot from the ops subnet (sites-staging).
  staging_slot_private_endpoints = {
    pe = {
      subnet_resource_id            = local.pe_subnet_id
      private_dns_zone_resource_ids = [local.dns_zone_ids["privatelink.azurewebsites.net"]]
    }
  }
  diagnostic_settings = local.diagnostic_settings
}

module "postgres" {
  source = "../postgres"

  name                = local.names.postgres
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
  tenant_id           = data.azurerm_client_config.current.tenant_id

  sku_name                     = var.postgres_sku_name
  postgresql_version           = var.postgres_version
  storage_mb                   = var.postgres_storage_mb
  high_availability            = var.postgres_high_availability_enabled ? { mode = "ZoneRedundant" } : null
  geo_redundant_backup_enabled = var.postgres_geo_redundant_backup_enabled
  backup_retention_days        = var.postgres_backup_retention_days

  prevent_destroy = var.prevent_destroy

  # The Entra administrator is the DBA group or, without one, the identity running Terraform; never the app. The app
  # logs in as its managed identity with a least-privilege role created once (output postgres_app_role_sql).
  administrators = var.postgres_admin_group != null ? {
    dba = {
      object_id      = var.postgres_admin_group.object_id
      principal_name = var.postgres_admin_group.name
      principal_type = "Group"
    }
    } : {
    deployer = {
      object_id      = data.azurerm_client_config.current.object_id
      principal_name = var.postgres_deployer_principal_name
      principal_type = "ServicePrincipal"
    }
  }
  databases = { (var.postgres_database_name) = {} }

  private_endpoints = {
    pe = {
      subnet_resource_id            = local.pe_subnet_id
      private_dns_zone_resource_ids = [local.dns_zone_ids["privatelink.postgres.database.azure.com"]]
    }
  }
  diagnostic_settings = local.diagnostic_settings
  lock                = local.lock
}

module "redis" {
  source = "../redis"

  name                      = local.names.redis
  location                  = var.location
  resource_group_name       = azurerm_resource_group.this.name
  tags                      = local.tags
  sku_name                  = var.redis_sku_name
  high_availability_enabled = var.redis_high_availability_enabled

  access_policy_assignments = {
    app = { object_id = module.app.principal_id }
  }

  private_endpoints = {
    pe = {
      subnet_resource_id            = local.pe_subnet_id
      private_dns_zone_resource_ids = [local.dns_zone_ids["privatelink.redis.azure.net"]]
    }
  }
  diagnostic_settings = local.diagnostic_settings
  lock                = local.lock
}

# ---------------------------------------------------------------------------------------------------------------------
# Ingress: Application Gateway WAF_v2 in front of the app's private endpoint (module gateway; why not Front Door: its
# README). The TLS certificate lives in the app's Key Vault.
# ---------------------------------------------------------------------------------------------------------------------

# Writing a certificate is a data-plane call to the private vault: run from the ops subnet (README, operations path).
resource "azurerm_role_assignment" "deployer_certificates" {
  count = local.create_ingress_certificate ? 1 : 0

  scope                = module.keyvault.resource_id
  role_definition_name = "Key Vault Certificates Officer"
  principal_id         = data.azurerm_client_config.current.object_id
  description          = "The identity running Terraform creates the gateway's TLS certificate."
}

# RBAC propagation (Azure-side, up to minutes): without the wait the certificate create fails with 403.
resource "time_sleep" "deployer_certificates_rbac" {
  count = local.create_ingress_certificate ? 1 : 0

  create_duration = "60s"
  triggers        = { assignment = azurerm_role_assignment.deployer_certificates[0].id }
}

resource "azurerm_key_vault_certificate" "ingress" {
  count = local.create_ingress_certificate ? 1 : 0

  name         = "tls-ingress"
  key_vault_id = module.keyvault.resource_id
  tags         = local.tags

  certificate_policy {
    # "Self": self-signed (browsers warn; fine for dev and the cloudapp host). Production: an issuer configured in the
    # vault (DigiCert / GlobalSign) via ingress_certificate_issuer, or bring a certificate (ingress_certificate_secret_id).
    issuer_parameters {
      name = var.ingress_certificate_issuer
    }

    key_properties {
      exportable = true
      key_type   = "RSA"
      key_size   = 2048
      reuse_key  = false
    }

    lifetime_action {
      action {
        action_type = "AutoRenew"
      }
      trigger {
        days_before_expiry = 30
      }
    }

    secret_properties {
      content_type = "application/x-pkcs12"
    }

    x509_certificate_properties {
      subject            = "CN=${local.ingress_host_name}"
      validity_in_months = 12
      key_usage          = ["digitalSignature", "keyEncipherment"]
      extended_key_usage = ["1.3.6.1.5.5.7.3.1"] # server authentication

      subject_alternative_names {
        dns_names = [local.ingress_host_name]
      }
    }
  }

  depends_on = [time_sleep.deployer_certificates_rbac]
}

module "gateway" {
  source = "../gateway"
  count  = var.ingress_enabled ? 1 : 0

  name                            = local.names.gateway
  location                        = var.location
  resource_group_name             = azurerm_resource_group.this.name
  tags                            = local.tags
  subnet_resource_id              = module.network.subnet_ids_by_role["gateway"]
  backend_fqdn                    = module.app.default_hostname
  key_vault_resource_id           = module.keyvault.resource_id
  certificate_key_vault_secret_id = coalesce(var.ingress_certificate_secret_id, try(azurerm_key_vault_certificate.ingress[0].versionless_secret_id, null))
  domain_name_label               = local.names.ingress_label
  host_name                       = var.ingress_host_name
  zones                           = var.ingress_zones
  autoscale                       = var.ingress_autoscale
  health_probe_path               = var.app_health_check_path
  diagnostic_settings             = local.diagnostic_settings
  lock                            = local.lock
}
