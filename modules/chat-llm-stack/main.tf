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
  }

  tags = merge(var.tags, { workload = var.workload, environment = var.environment, managed-by = "terraform" })

  lock = var.lock_kind == null ? null : { kind = var.lock_kind }

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
  private_dns_zones   = local.private_dns_zones
  diagnostic_settings = local.diagnostic_settings
  lock                = local.lock
}

module "keyvault" {
  source = "../keyvault"

  name                = local.names.key_vault
  location            = var.location
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
  tenant_id           = data.azurerm_client_config.current.tenant_id

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
  lock                = local.lock
}

# The app identity reaches every service without a password: Azure RBAC for the registry, Key Vault, Foundry and
# Application Insights (created before the web app, inside the app module); an Entra administrator on PostgreSQL and
# an access policy assignment on Redis (data-plane grants, in those modules).
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

  application_insights_connection_string = module.monitoring.connection_string

  # Endpoints only; the app authenticates everywhere with its identity (AZURE_CLIENT_ID is set by the module).
  app_settings = merge({
    AZURE_OPENAI_ENDPOINT   = module.ai.openai_endpoint
    AZURE_AI_ENDPOINT       = module.ai.endpoint
    AZURE_OPENAI_DEPLOYMENT = var.app_model_deployment
    KEY_VAULT_URI           = module.keyvault.vault_uri
    POSTGRES_HOST           = module.postgres.fqdn
    POSTGRES_DATABASE       = var.postgres_database_name
    POSTGRES_USER           = local.names.identity
    POSTGRES_SSLMODE        = "require"
    REDIS_HOST              = module.redis.hostname
    REDIS_PORT              = tostring(module.redis.port)
    REDIS_SSL               = "true"
  }, var.app_settings)

  staging_slot_app_settings = var.staging_model_deployment == null ? {} : {
    AZURE_OPENAI_DEPLOYMENT = var.staging_model_deployment
  }

  key_vault_secret_references = {
    for setting, secret in var.app_secret_references : setting => module.keyvault.secret_versionless_ids[secret]
  }

  # Private ingress: Front Door Premium (private link) or an internal Application Gateway reaches the app through this
  # endpoint; the public endpoint is off.
  private_endpoints = {
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

  # The app logs in as its managed identity (user name = identity name, password = Entra token).
  administrators = merge(
    {
      app = {
        object_id      = module.app.principal_id
        principal_name = local.names.identity
        principal_type = "ServicePrincipal"
      }
    },
    var.postgres_admin_group == null ? {} : {
      dba = {
        object_id      = var.postgres_admin_group.object_id
        principal_name = var.postgres_admin_group.name
        principal_type = "Group"
      }
    },
  )
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
