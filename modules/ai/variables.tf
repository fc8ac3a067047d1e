# ---------------------------------------------------------------------------------------------------------------------
# Required
# ---------------------------------------------------------------------------------------------------------------------

variable "name" {
  type        = string
  description = "Name of the Foundry (AIServices) account."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,62}[a-zA-Z0-9]$", var.name))
    error_message = "name must be 2-64 characters of letters, digits and '-', and start and end with a letter or digit."
  }
}

variable "location" {
  type        = string
  description = "Azure region, e.g. swedencentral. Model, SKU (Global/DataZone) and quota availability differ by region."
  nullable    = false
}

variable "resource_group_name" {
  type        = string
  description = "Name of the existing resource group."
  nullable    = false
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
  description = "Diagnostic settings sending logs (category groups) and metrics to Log Analytics. Map key is arbitrary."
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
  description = "Private endpoints for the resource (subresource account, zone privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com and privatelink.services.ai.azure.com: pass all three). Map key is arbitrary (known at plan)."
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
  description = "Role assignments on the resource. role_definition_id_or_name is a built-in role name or a role definition resource id."
}

variable "lock" {
  type = object({
    kind = string
    name = optional(string)
  })
  default     = null
  description = "Management lock on the resource: kind CanNotDelete or ReadOnly."

  validation {
    condition     = var.lock == null || contains(["CanNotDelete", "ReadOnly"], try(var.lock.kind, ""))
    error_message = "lock.kind must be \"CanNotDelete\" or \"ReadOnly\"; set lock = null for no lock."
  }
}

variable "managed_identities" {
  type = object({
    system_assigned            = optional(bool, false)
    user_assigned_resource_ids = optional(set(string), [])
  })
  default     = { system_assigned = true }
  nullable    = false
  description = "Identities of the account (CKV_AZURE_238). Projects need the account to have one."

  validation {
    condition     = var.managed_identities.system_assigned || length(var.managed_identities.user_assigned_resource_ids) > 0
    error_message = "managed_identities needs system_assigned = true or at least one user_assigned_resource_ids entry: Foundry projects and CMK need an account identity."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Account
# ---------------------------------------------------------------------------------------------------------------------

variable "sku_name" {
  type        = string
  default     = "S0"
  nullable    = false
  description = "Account SKU (S0)."
}

variable "custom_subdomain_name" {
  type        = string
  default     = null
  description = "Custom subdomain (<value>.cognitiveservices.azure.com), globally unique, set once. Required for projects, private endpoints and Entra ID (token) auth; usually the account name."

  validation {
    condition     = var.custom_subdomain_name != null || (var.project == null && length(var.private_endpoints) == 0)
    error_message = "custom_subdomain_name is required when project or private_endpoints is set (Azure rejects both without one at apply, and network_acls need it: RequiredWith in the provider): set custom_subdomain_name, e.g. to the account name."
  }

  validation {
    condition     = var.custom_subdomain_name == null || can(regex("^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$", coalesce(var.custom_subdomain_name, "x0")))
    error_message = "custom_subdomain_name must be 2-64 lowercase letters, digits and '-', starting and ending with a letter or digit."
  }
}

variable "network_acls_bypass" {
  type        = string
  default     = "None"
  nullable    = false
  description = "Trusted Azure services that may pass the Deny network ACL: None (the baseline: only the private endpoint) or AzureServices (e.g. Azure AI Search indexing with a managed identity)."

  validation {
    condition     = contains(["AzureServices", "None"], var.network_acls_bypass)
    error_message = "network_acls_bypass must be \"AzureServices\" or \"None\"."
  }
}

variable "outbound_network_access_restricted" {
  type        = bool
  default     = false
  nullable    = false
  description = "Restrict the account's outbound calls to allowed_outbound_fqdns (CKV_AZURE_247 for kind OpenAI). Off by default: Foundry tools and agents need outbound access; turn on with an allow-list when you use only model inference."
}

variable "allowed_outbound_fqdns" {
  type        = list(string)
  default     = []
  nullable    = false
  description = "FQDNs the account may call when outbound_network_access_restricted = true."
}

variable "agent_subnet_resource_id" {
  type        = string
  default     = null
  description = "Subnet (snet-agent, delegated to Microsoft.App/environments) for Foundry Agent Service network injection. null: no injection."
}

variable "project" {
  type = object({
    name         = string
    display_name = optional(string)
    description  = optional(string)
  })
  default     = null
  description = "Foundry project to create under the account (system-assigned identity). null: no project."
}

# ---------------------------------------------------------------------------------------------------------------------
# Model deployments
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
  default     = {}
  nullable    = false
  description = "Model deployments keyed by the stable deployment name the app reads from an app setting. model_version is pinned; capacity is in thousands of tokens per minute. Replaced (downtime) on a change of key, model_name, model_format or sku_name; updated in place on model_version, capacity, rai_policy_name, version_upgrade_option."

  validation {
    condition     = alltrue([for d in values(var.model_deployments) : trimspace(d.model_version) != ""])
    error_message = "model_deployments[*].model_version must be pinned to a version (e.g. \"2024-11-20\"); an empty version deploys whatever the default is today and drifts."
  }

  # A pinned model_version with an auto-upgrade option drifts: Azure moves the deployment to a newer version, and the
  # next apply downgrades it again or fails on a retired version. model.version is Optional but not Computed in the
  # provider, so it cannot be left to Azure either: pinned versions need NoAutoUpgrade (roll forward with a PR).
  validation {
    condition     = alltrue([for d in values(var.model_deployments) : d.version_upgrade_option == "NoAutoUpgrade"])
    error_message = "model_deployments[*].version_upgrade_option must be NoAutoUpgrade: model_version is pinned, and an auto-upgrade (OnceCurrentVersionExpired, OnceNewDefaultVersionAvailable) makes Azure run another version than the configuration; bump model_version in a pull request instead."
  }

  validation {
    condition     = alltrue([for d in values(var.model_deployments) : contains(["GlobalStandard", "DataZoneStandard", "Standard", "GlobalProvisionedManaged", "DataZoneProvisionedManaged", "ProvisionedManaged", "GlobalBatch", "DataZoneBatch"], d.sku_name)])
    error_message = "model_deployments[*].sku_name must be GlobalStandard, DataZoneStandard, Standard, GlobalProvisionedManaged, DataZoneProvisionedManaged, ProvisionedManaged, GlobalBatch or DataZoneBatch."
  }

  validation {
    condition     = alltrue([for d in values(var.model_deployments) : d.capacity >= 1 && floor(d.capacity) == d.capacity])
    error_message = "model_deployments[*].capacity must be a whole number >= 1 (thousands of tokens per minute; provisioned SKUs: PTUs)."
  }

  validation {
    condition     = alltrue([for k in keys(var.model_deployments) : can(regex("^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$", k))])
    error_message = "model_deployments keys are deployment names: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Content filter
# ---------------------------------------------------------------------------------------------------------------------

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
  default     = null
  description = "Custom content filter (RAI policy) on the account; deployments whose rai_policy_name is null use it. filters null: hate, sexual, violence and self-harm blocked at Medium on prompts and completions, plus jailbreak and indirect attack on prompts. null: deployments use Microsoft.DefaultV2."

  validation {
    condition     = var.content_filter_policy == null || can(regex("^[a-zA-Z0-9][a-zA-Z0-9_-]{1,63}$", try(var.content_filter_policy.name, "")))
    error_message = "content_filter_policy.name must be 2-64 letters, digits, '_' or '-', starting with a letter or digit."
  }

  validation {
    condition     = var.content_filter_policy == null || contains(["Blocking", "Asynchronous_filter", "Default", "Deferred"], try(var.content_filter_policy.mode, ""))
    error_message = "content_filter_policy.mode must be Blocking (the safe default), Asynchronous_filter, Default or Deferred."
  }

  validation {
    condition = var.content_filter_policy == null || alltrue([for f in coalesce(try(var.content_filter_policy.filters, null), []) :
    contains(["Prompt", "Completion"], f.source) && contains(["Low", "Medium", "High"], f.severity_threshold)])
    error_message = "content_filter_policy.filters[*].source must be Prompt or Completion and severity_threshold Low, Medium or High."
  }
}
