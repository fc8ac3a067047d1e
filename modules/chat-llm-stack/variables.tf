# ---------------------------------------------------------------------------------------------------------------------
# Environment
# ---------------------------------------------------------------------------------------------------------------------

variable "subscription_id" {
  type        = string
  default     = null
  description = "Subscription to deploy to. null: ARM_SUBSCRIPTION_ID from the environment."
}

variable "workload" {
  type        = string
  default     = "chat"
  nullable    = false
  description = "Short workload name used in every resource name (2-8 lowercase letters/digits)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,7}$", var.workload))
    error_message = "workload must be 2-8 lowercase letters or digits, starting with a letter (it ends up in storage and registry names)."
  }
}

variable "environment" {
  type        = string
  nullable    = false
  description = "Environment name used in resource names and tags, e.g. dev or prod (2-5 lowercase letters/digits)."

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,4}$", var.environment))
    error_message = "environment must be 2-5 lowercase letters or digits, starting with a letter, e.g. dev or prod."
  }
}

variable "location" {
  type        = string
  default     = "swedencentral"
  nullable    = false
  description = "Azure region for every resource. Zone redundancy needs an availability-zone region; models and quota differ by region."
}

variable "name_suffix" {
  type        = string
  default     = null
  description = "Suffix that makes the globally unique names (web app, Key Vault, registry, PostgreSQL, Redis, Foundry) unique. null: 5 hex characters derived from the subscription, workload and environment."

  validation {
    condition     = var.name_suffix == null || can(regex("^[a-z0-9]{3,6}$", coalesce(var.name_suffix, "abc")))
    error_message = "name_suffix must be 3-6 lowercase letters or digits."
  }
}

variable "tags" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Extra tags for every resource (workload and environment tags are added)."
}

variable "lock_kind" {
  type        = string
  default     = null
  description = "Management lock on the data-bearing and hard-to-rebuild resources (Key Vault, PostgreSQL, Redis, registry, VNet, gateway; not the Foundry account, whose deployments come and go): CanNotDelete in production, null in dev."

  validation {
    condition     = var.lock_kind == null || contains(["CanNotDelete", "ReadOnly"], coalesce(var.lock_kind, "CanNotDelete"))
    error_message = "lock_kind must be \"CanNotDelete\", \"ReadOnly\" or null."
  }
}

variable "prevent_destroy" {
  type        = bool
  default     = true
  nullable    = false
  description = "Fail any plan that deletes or replaces the Key Vaults or the PostgreSQL server (prevent_destroy sentinels in those modules). true in production; false in dev so the environment can be torn down."
}

# ---------------------------------------------------------------------------------------------------------------------
# Network and monitoring
# ---------------------------------------------------------------------------------------------------------------------

variable "address_space" {
  type        = list(string)
  default     = ["10.20.0.0/22"]
  nullable    = false
  description = "Address space of the VNet (a /22 fits the default subnet layout)."
}

variable "additional_security_rules" {
  type = map(object({
    subnet_name                  = string
    name                         = string
    priority                     = number
    direction                    = string
    access                       = string
    protocol                     = string
    source_address_prefixes      = list(string)
    destination_address_prefixes = list(string)
    destination_port_ranges      = list(string)
    description                  = optional(string)
  }))
  default     = {}
  nullable    = false
  description = "Extra NSG rules on the stack's subnets (snet-app, snet-pe, snet-ops, snet-agw), priorities 200-4000, e.g. letting a peered hub's runner subnet reach snet-pe on 443. Passed to the network module, which rejects internet-wide allows."
}

variable "log_retention_in_days" {
  type        = number
  default     = 30
  nullable    = false
  description = "Log Analytics retention in days."
}

variable "log_daily_quota_gb" {
  type        = number
  default     = -1
  nullable    = false
  description = "Log Analytics daily ingestion cap in GB (-1: none)."
}

variable "alert_email_addresses" {
  type        = list(string)
  default     = []
  nullable    = false
  description = "E-mail receivers of the action group for service health and metric alerts."
}

# ---------------------------------------------------------------------------------------------------------------------
# App
# ---------------------------------------------------------------------------------------------------------------------

variable "app_image_name" {
  type        = string
  nullable    = false
  description = "Image of the chat app in the stack's registry, with a tag or digest, e.g. chat-api:1.4.2."
}

variable "app_staging_image_name" {
  type        = string
  default     = null
  description = "Image for the staging slot (null: app_image_name)."
}

variable "app_sku_name" {
  type        = string
  default     = "P1v3"
  nullable    = false
  description = "App Service plan SKU."
}

variable "app_worker_count" {
  type        = number
  default     = 3
  nullable    = false
  description = "App Service plan instances (>= 3 with zone balancing)."
}

variable "app_zone_balancing_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Spread plan instances across availability zones."
}

variable "app_staging_slot_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Create the staging slot (Standard or higher)."
}

variable "app_health_check_path" {
  type        = string
  default     = "/healthz"
  nullable    = false
  description = "Health endpoint of the app: App Service health check, the gateway's probe, excluded from sign-in."
}

variable "app_autoscale" {
  type = object({
    minimum               = number
    maximum               = number
    scale_out_cpu_percent = optional(number, 70)
    scale_in_cpu_percent  = optional(number, 30)
  })
  default     = null
  description = "CPU autoscale of the App Service plan, e.g. { minimum = 3, maximum = 5 } in production. null: app_worker_count stays fixed. app_worker_count is only the initial count (ignore_changes)."
}

variable "app_entra_client_id" {
  type        = string
  default     = null
  description = "Client id of the Entra ID app registration for the chat UI (Easy Auth v2: every user signs in). Give it a federated credential for the app's identity (see the app module README); no client secret."
}

variable "app_authentication_required" {
  type        = bool
  default     = true
  nullable    = false
  description = "Refuse to deploy the app without end-user sign-in (app_entra_client_id). false only when another layer authenticates users."
}

variable "app_settings" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Extra app settings (no secrets). The stack already sets the service endpoints."
}

variable "key_vault_secrets" {
  type = map(object({
    name             = optional(string)
    value_wo_version = number
    content_type     = string
    expiration_date  = string
    not_before_date  = optional(string)
  }))
  default     = {}
  nullable    = false
  description = "Secrets in the app's Key Vault (metadata; values in key_vault_secret_values), e.g. a third-party API key. Writing them needs network reach to the private vault (a runner inside the VNet)."
}

variable "key_vault_secret_values" {
  type        = map(string)
  default     = {}
  nullable    = false
  sensitive   = true
  ephemeral   = true
  description = "Secret values keyed like key_vault_secrets (ephemeral: only written through value_wo, never stored in plan or state). Pass with TF_VAR_key_vault_secret_values."
}

variable "app_secret_references" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "App setting name => key of key_vault_secrets. Rendered as a Key Vault reference (versionless) resolved with the app identity."

  validation {
    condition     = alltrue([for key in values(var.app_secret_references) : contains(keys(var.key_vault_secrets), key)])
    error_message = "app_secret_references values must be keys of key_vault_secrets."
  }
}

variable "foundry_role_definition_name" {
  type        = string
  default     = "Azure AI User"
  nullable    = false
  description = "Role of the app identity on the Foundry account: \"Azure AI User\" (Foundry projects and models) or \"Cognitive Services OpenAI User\" (OpenAI inference only)."

  validation {
    condition     = contains(["Azure AI User", "Cognitive Services OpenAI User"], var.foundry_role_definition_name)
    error_message = "foundry_role_definition_name must be \"Azure AI User\" or \"Cognitive Services OpenAI User\"."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Data services
# ---------------------------------------------------------------------------------------------------------------------

variable "registry_zone_redundancy_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Zone-redundant registry (Premium; set at creation)."
}

variable "postgres_sku_name" {
  type        = string
  default     = "GP_Standard_D2ds_v5"
  nullable    = false
  description = "PostgreSQL compute SKU."
}

variable "postgres_version" {
  type        = string
  default     = "16"
  nullable    = false
  description = "PostgreSQL major version (16 or 17)."
}

variable "postgres_storage_mb" {
  type        = number
  default     = 32768
  nullable    = false
  description = "PostgreSQL storage in MB (grows only)."
}

variable "postgres_high_availability_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Zone-redundant HA for PostgreSQL (not on Burstable SKUs)."
}

variable "postgres_geo_redundant_backup_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Geo-redundant PostgreSQL backups (set at creation)."
}

variable "postgres_backup_retention_days" {
  type        = number
  default     = 35
  nullable    = false
  description = "PostgreSQL point-in-time restore window (7-35 days)."
}

variable "postgres_database_name" {
  type        = string
  default     = "chat"
  nullable    = false
  description = "Database the app uses."
}

variable "postgres_admin_group" {
  type = object({
    object_id = string
    name      = string
  })
  default     = null
  description = "Entra group (DBAs) that is the PostgreSQL administrator. null: the identity running Terraform (postgres_deployer_principal_name). The app identity is never an administrator."
}

variable "postgres_deployer_principal_name" {
  type        = string
  default     = "terraform-deployer"
  nullable    = false
  description = "Name of the identity running Terraform as PostgreSQL Entra administrator when postgres_admin_group is null (its display name in Entra ID)."
}

variable "redis_sku_name" {
  type        = string
  default     = "Balanced_B1"
  nullable    = false
  description = "Managed Redis SKU (Balanced_B1 or larger)."
}

variable "redis_high_availability_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Zone-redundant Managed Redis (set at creation)."
}

# ---------------------------------------------------------------------------------------------------------------------
# AI
# ---------------------------------------------------------------------------------------------------------------------

variable "model_deployments" {
  type = map(object({
    model_name             = string
    model_version          = string
    model_format           = optional(string, "OpenAI")
    sku_name               = optional(string, "GlobalStandard")
    capacity               = number
    version_upgrade_option = optional(string, "NoAutoUpgrade")
    rai_policy_name        = optional(string)
  }))
  nullable    = false
  description = "Model deployments on the Foundry account, keyed by deployment name. Blue/green: add the new one, point staging at it, make it active, remove the old one (README, model lifecycle)."
}

variable "active_model_deployment" {
  type        = string
  default     = "chat"
  nullable    = false
  description = "Key of model_deployments the production slot uses (AZURE_OPENAI_DEPLOYMENT, a slot setting). Switching it is an in-place update of the app."

  validation {
    condition     = contains(keys(var.model_deployments), var.active_model_deployment)
    error_message = "active_model_deployment must be a key of model_deployments."
  }
}

variable "staging_model_deployment" {
  type        = string
  default     = null
  description = "Key of model_deployments the staging slot uses during a blue/green model rollout (null: active_model_deployment)."

  validation {
    condition     = var.staging_model_deployment == null || contains(keys(var.model_deployments), coalesce(var.staging_model_deployment, "-"))
    error_message = "staging_model_deployment must be a key of model_deployments (or null)."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# ML (off by default)
# ---------------------------------------------------------------------------------------------------------------------

variable "ml_enabled" {
  type        = bool
  default     = false
  nullable    = false
  description = "Create the Azure Machine Learning workspace with its own storage, Key Vault and Application Insights. Only for custom training or managed online endpoints."
}

variable "content_filter_policy" {
  type = object({
    name             = string
    base_policy_name = optional(string, "Microsoft.DefaultV2")
    mode             = optional(string, "Blocking")
    filters = optional(list(object({
      name               = string
      source             = string
      severity_threshold = optional(string, "Medium")
      blocking           = optional(bool, true)
      enabled            = optional(bool, true)
    })))
  })
  default     = { name = "chat-default" }
  description = "Custom content filter on the Foundry account, used by every deployment without its own rai_policy_name (modules/ai). null: Microsoft.DefaultV2."
}

# ---------------------------------------------------------------------------------------------------------------------
# Ingress
# ---------------------------------------------------------------------------------------------------------------------

variable "ingress_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Create the Application Gateway WAF_v2 (module gateway) that users reach the app through. false: no public ingress (the app stays private)."
}

variable "ingress_host_name" {
  type        = string
  default     = null
  description = "Host name users open (point its DNS at the gateway's public IP). null: <workload>-<environment>-<suffix>.<location>.cloudapp.azure.com."
}

variable "ingress_certificate_secret_id" {
  type        = string
  default     = null
  description = "Versionless secret id of your own TLS certificate in the app's Key Vault. null: the stack creates one in the vault (ingress_certificate_issuer)."
}

variable "ingress_certificate_issuer" {
  type        = string
  default     = "Self"
  nullable    = false
  description = "Key Vault issuer of the stack-created certificate: Self (self-signed; browsers warn) or the name of a CA issuer configured in the vault (e.g. DigiCert) for production."
}

variable "ingress_zones" {
  type        = list(string)
  default     = ["1", "2", "3"]
  nullable    = false
  description = "Availability zones of the gateway (zone-redundant in production; [] in dev)."
}

variable "ingress_autoscale" {
  type = object({
    min_capacity = number
    max_capacity = number
  })
  default     = { min_capacity = 2, max_capacity = 10 }
  nullable    = false
  description = "Autoscale bounds of the gateway."
}
