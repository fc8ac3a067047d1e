# ---------------------------------------------------------------------------------------------------------------------
# Required
# ---------------------------------------------------------------------------------------------------------------------

variable "name" {
  type        = string
  description = "Name of the web app (globally unique: <name>.azurewebsites.net)."
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$", var.name))
    error_message = "name must be 2-60 characters of lowercase letters, digits and '-', and start and end with a letter or digit."
  }
}

variable "location" {
  type        = string
  description = "Azure region, e.g. swedencentral."
  nullable    = false
}

variable "resource_group_name" {
  type        = string
  description = "Name of the existing resource group."
  nullable    = false
}

variable "container" {
  type = object({
    registry_login_server = string
    image_name            = string
    port                  = optional(number, 8080)
  })
  description = "Container to run: registry login server (e.g. crchat.azurecr.io), image name with tag or digest (e.g. chat-api:1.4.2), and the port the container listens on. Pulled with the user-assigned identity (AcrPull), never with admin credentials."
  nullable    = false

  validation {
    condition     = !can(regex("^https?://", var.container.registry_login_server)) && can(regex("^[a-z0-9.-]+$", var.container.registry_login_server))
    error_message = "container.registry_login_server must be a bare login server such as crchat.azurecr.io (no https://, no path)."
  }

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$", var.container.image_name))
    error_message = "container.image_name must be a repository with a pinned tag or digest, e.g. chat-api:1.4.2 or chat-api@sha256:<64 hex>; without a tag App Service pulls :latest."
  }
}

variable "virtual_network_subnet_resource_id" {
  type        = string
  description = "Resource id of the VNet integration subnet (snet-app, delegated to Microsoft.Web/serverFarms, used by no other plan, no private endpoints in it)."
  nullable    = false

  validation {
    condition     = can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/virtualNetworks/[^/]+/subnets/[^/]+$", var.virtual_network_subnet_resource_id))
    error_message = "virtual_network_subnet_resource_id must be a subnet resource id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# AVM interfaces
# ---------------------------------------------------------------------------------------------------------------------

variable "tags" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Tags applied to every resource the module creates."
}

variable "diagnostic_settings" {
  type = map(object({
    name                           = optional(string)
    workspace_resource_id          = string
    log_groups                     = optional(set(string), ["allLogs"])
    metric_categories              = optional(set(string), ["AllMetrics"])
    log_analytics_destination_type = optional(string, "Dedicated")
  }))
  default     = {}
  nullable    = false
  description = "Diagnostic settings sending logs (category groups) and metrics to Log Analytics. Map key is arbitrary. Applied to the web app, the staging slot and (metrics only) the plan."
}

variable "private_endpoints" {
  type = map(object({
    name                          = optional(string)
    subnet_resource_id            = string
    private_dns_zone_resource_ids = optional(set(string), [])
    tags                          = optional(map(string))
  }))
  default     = {}
  nullable    = false
  description = "Private endpoints for the web app (subresource sites, zone privatelink.azurewebsites.net), for private ingress from Front Door Premium or an internal Application Gateway. Map key is arbitrary (known at plan)."
}

variable "role_assignments" {
  type = map(object({
    role_definition_id_or_name = string
    principal_id               = string
    principal_type             = optional(string)
    description                = optional(string)
  }))
  default     = {}
  nullable    = false
  description = "Role assignments on the web app. role_definition_id_or_name is a built-in role name or a role definition resource id."
}

variable "lock" {
  type = object({
    kind = string
    name = optional(string)
  })
  default     = null
  description = "Management lock on the web app: kind CanNotDelete or ReadOnly."

  validation {
    condition     = var.lock == null || contains(["CanNotDelete", "ReadOnly"], try(var.lock.kind, ""))
    error_message = "lock.kind must be \"CanNotDelete\" or \"ReadOnly\"; set lock = null for no lock."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Identity and access
# ---------------------------------------------------------------------------------------------------------------------

variable "identity_name" {
  type        = string
  default     = null
  description = "Name of the user-assigned identity the app runs as. Default: id-<name>."
}

variable "identity_role_assignments" {
  type = map(object({
    scope_resource_id          = string
    role_definition_id_or_name = string
  }))
  default     = {}
  nullable    = false
  description = "Roles the app's user-assigned identity gets, created before the web app so the first image pull and Key Vault reference do not race RBAC. Typical: { acr_pull = { scope_resource_id = <registry id>, role_definition_id_or_name = \"AcrPull\" }, key_vault_secrets_user = {...\"Key Vault Secrets User\"}, foundry = {...\"Azure AI User\"} }. Map keys must be static."
}

# ---------------------------------------------------------------------------------------------------------------------
# Plan
# ---------------------------------------------------------------------------------------------------------------------

variable "service_plan_name" {
  type        = string
  default     = null
  description = "Name of the App Service plan. Default: asp-<name>."
}

variable "sku_name" {
  type        = string
  default     = "P1v3"
  nullable    = false
  description = "App Service plan SKU. P1v3 or larger for production (zone balancing needs Premium v2/v3/v4). Basic or higher is required for VNet integration and private endpoints; Standard or higher for the staging slot."

  validation {
    condition     = !contains(["F1", "FREE", "D1", "SHARED"], upper(var.sku_name))
    error_message = "sku_name F1/D1 (Free/Shared) does not support VNet integration, private endpoints or always_on; use B1 or higher (P1v3 recommended)."
  }

  validation {
    condition     = !var.staging_slot_enabled || !contains(["B1", "B2", "B3"], upper(var.sku_name))
    error_message = "Deployment slots need Standard or higher: set sku_name to S1 or a Premium SKU (P1v3), or set staging_slot_enabled = false."
  }

  validation {
    condition     = !var.zone_balancing_enabled || can(regex("^(?i)(P[0-9]+(v2|v3|mv3|v4|mv4)|EP[1-3]|WS[1-3]|I[1-6]v2|I[1-6]mv2)$", var.sku_name))
    error_message = "zone_balancing_enabled needs a Premium v2/v3/v4 (or Isolated v2 / Elastic Premium) SKU: set sku_name = \"P1v3\" or set zone_balancing_enabled = false."
  }
}

variable "worker_count" {
  type        = number
  default     = 3
  nullable    = false
  description = "Number of plan instances. At least 3 with zone balancing (one per availability zone); more than 1 in production (CKV_AZURE_212)."

  validation {
    condition     = var.worker_count >= 1 && floor(var.worker_count) == var.worker_count
    error_message = "worker_count must be a whole number >= 1."
  }

  validation {
    condition     = !var.zone_balancing_enabled || var.worker_count >= 3
    error_message = "zone_balancing_enabled = true needs worker_count >= 3 (one instance per availability zone, per the App Service docs); raise worker_count to 3 or set zone_balancing_enabled = false."
  }
}

variable "zone_balancing_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Spread plan instances across availability zones. Needs an AZ region and a Premium v2/v3/v4 SKU; cannot be changed without recreating the plan on older scale units."
}

# ---------------------------------------------------------------------------------------------------------------------
# Web app
# ---------------------------------------------------------------------------------------------------------------------

variable "public_network_access_enabled" {
  type        = bool
  default     = false
  nullable    = false
  description = "Allow the public endpoint. Keep false and put the app behind Front Door Premium (private link) or an internal Application Gateway (CKV_AZURE_222)."
}

variable "always_on" {
  type        = bool
  default     = true
  nullable    = false
  description = "Keep the app loaded (CKV_AZURE_214). Not available on F1/D1, which sku_name already rejects (VNet integration needs Basic or higher)."
}

variable "health_check_path" {
  type        = string
  default     = "/healthz"
  nullable    = false
  description = "Path App Service probes on every instance; unhealthy instances are taken out of rotation (CKV_AZURE_213)."

  validation {
    condition     = startswith(var.health_check_path, "/")
    error_message = "health_check_path must start with '/', e.g. /healthz."
  }
}

variable "health_check_eviction_time_in_min" {
  type        = number
  default     = 5
  nullable    = false
  description = "Minutes an instance may fail the health check before it is replaced (2-10)."

  validation {
    condition     = var.health_check_eviction_time_in_min >= 2 && var.health_check_eviction_time_in_min <= 10
    error_message = "health_check_eviction_time_in_min must be between 2 and 10."
  }
}

variable "app_settings" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "App settings (endpoints, deployment names; no secrets: put secrets in Key Vault and use key_vault_secret_references)."
}

variable "application_insights_connection_string" {
  type        = string
  default     = null
  description = "Connection string of a workspace-based Application Insights component with local auth off (then an identifier, not a credential; not marked sensitive so that app_settings changes stay reviewable in plans). Sets APPLICATIONINSIGHTS_CONNECTION_STRING and APPLICATIONINSIGHTS_AUTHENTICATION_STRING (Entra ingestion with the app identity; grant it Monitoring Metrics Publisher on the component via identity_role_assignments)."
}

variable "key_vault_secret_references" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "App setting name => versionless Key Vault secret id (https://<vault>.vault.azure.net/secrets/<name>). Rendered as @Microsoft.KeyVault(SecretUri=...) and resolved with the user-assigned identity (needs Key Vault Secrets User)."

  validation {
    condition     = alltrue([for id in values(var.key_vault_secret_references) : can(regex("^https://[a-zA-Z0-9-]+\\.vault\\.azure\\.net/secrets/[a-zA-Z0-9-]+/?$", id))])
    error_message = "key_vault_secret_references values must be versionless secret ids like https://<vault>.vault.azure.net/secrets/<name> (no version segment, so rotation is picked up)."
  }
}

variable "sticky_app_setting_names" {
  type        = list(string)
  default     = []
  nullable    = false
  description = "App settings that stay with their slot on swap. Settings not listed (image, model deployment name) move with the swap."
}

variable "staging_slot_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Create the staging slot (same hardening as production) for blue/green releases of the image and of model deployments."
}

variable "staging_slot_app_settings" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "App settings that differ in the staging slot, merged over app_settings; e.g. { AZURE_OPENAI_DEPLOYMENT = \"chat-v2\" } while a new model deployment is tested."
}

variable "staging_slot_image_name" {
  type        = string
  default     = null
  description = "Image (with tag or digest) for the staging slot. Default: container.image_name."
}

variable "staging_slot_private_endpoints" {
  type = map(object({
    name                          = optional(string)
    subnet_resource_id            = string
    private_dns_zone_resource_ids = optional(set(string), [])
    tags                          = optional(map(string))
  }))
  default     = {}
  nullable    = false
  description = "Private endpoints of the staging slot (subresource sites-staging, zone privatelink.azurewebsites.net), so the slot can be smoke-tested privately before a change reaches production. Map key is arbitrary (known at plan)."
}

variable "authentication" {
  type = object({
    client_id         = string
    tenant_id         = string
    allowed_audiences = optional(list(string))
  })
  default     = null
  description = "Easy Auth v2 with Entra ID on the app and the slot: the app registration's client id and the tenant. Every path except health_check_path needs a sign-in. Secretless: add a federated credential for the app's user-assigned identity to the app registration (issuer https://login.microsoftonline.com/<tenant>/v2.0, subject = the identity's principal id, audience api://AzureADTokenExchange). null only with authentication_required = false."

  validation {
    condition     = var.authentication == null || (can(regex("^[0-9a-fA-F-]{36}$", try(var.authentication.client_id, ""))) && can(regex("^[0-9a-fA-F-]{36}$", try(var.authentication.tenant_id, ""))))
    error_message = "authentication.client_id and authentication.tenant_id must be GUIDs (the app registration and its tenant)."
  }
}

variable "authentication_required" {
  type        = bool
  default     = true
  nullable    = false
  description = "Refuse to run without end-user authentication (authentication set). Set false only for an API behind another authenticating proxy."

  validation {
    condition     = !var.authentication_required || var.authentication != null
    error_message = "authentication is required: set authentication = { client_id = \"<app registration client id>\", tenant_id = \"<tenant id>\" } (Easy Auth v2 with Entra ID), or set authentication_required = false if another layer authenticates users."
  }
}

variable "autoscale" {
  type = object({
    minimum               = number
    maximum               = number
    scale_out_cpu_percent = optional(number, 70)
    scale_in_cpu_percent  = optional(number, 30)
  })
  default     = null
  description = "CPU autoscale of the plan (e.g. { minimum = 3, maximum = 5 } in production). null: fixed worker_count. worker_count is only the initial count either way (ignore_changes)."

  validation {
    condition     = var.autoscale == null || try(var.autoscale.minimum >= 1 && var.autoscale.maximum >= var.autoscale.minimum && var.autoscale.maximum <= 30, false)
    error_message = "autoscale needs 1 <= minimum <= maximum <= 30."
  }

  validation {
    condition     = var.autoscale == null || !var.zone_balancing_enabled || try(var.autoscale.minimum >= 3, false)
    error_message = "With zone_balancing_enabled, autoscale.minimum must be at least 3 (one instance per zone)."
  }

  validation {
    condition     = var.autoscale == null || try(var.autoscale.scale_in_cpu_percent < var.autoscale.scale_out_cpu_percent, false)
    error_message = "autoscale.scale_in_cpu_percent must be below scale_out_cpu_percent, or the plan flaps."
  }
}
