# ---------------------------------------------------------------------------------------------------------------------
# Required
# ---------------------------------------------------------------------------------------------------------------------

variable "name" {
  type        = string
  description = "Name of the Azure Machine Learning workspace."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$", var.name))
    error_message = "name must be 3-33 characters of letters, digits, '_' and '-', starting with a letter or digit."
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

variable "storage_account_resource_id" {
  type        = string
  description = "Resource id of the workspace's own storage account (not shared with other workloads)."
  nullable    = false

  validation {
    condition     = can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Storage/storageAccounts/[^/]+$", var.storage_account_resource_id))
    error_message = "storage_account_resource_id must be a storage account id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Storage/storageAccounts/<name>."
  }
}

variable "key_vault_resource_id" {
  type        = string
  description = "Resource id of the workspace's own Key Vault (not the app's vault)."
  nullable    = false

  validation {
    condition     = can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.KeyVault/vaults/[^/]+$", var.key_vault_resource_id))
    error_message = "key_vault_resource_id must be a Key Vault id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>."
  }
}

variable "application_insights_resource_id" {
  type        = string
  description = "Resource id of the workspace's own Application Insights component."
  nullable    = false

  validation {
    condition     = can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Insights/components/[^/]+$", var.application_insights_resource_id))
    error_message = "application_insights_resource_id must be an Application Insights id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Insights/components/<name>."
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
  description = "Private endpoints for the resource (subresource amlworkspace, zone privatelink.api.azureml.ms and privatelink.notebooks.azure.net: pass both). Map key is arbitrary (known at plan)."
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
  description = "Identities of the workspace (one is required)."

  validation {
    condition     = var.managed_identities.system_assigned || length(var.managed_identities.user_assigned_resource_ids) > 0
    error_message = "managed_identities needs system_assigned = true or at least one user_assigned_resource_ids entry: the workspace requires an identity."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Workspace
# ---------------------------------------------------------------------------------------------------------------------

variable "container_registry_resource_id" {
  type        = string
  default     = null
  description = "Resource id of a Premium container registry for environment images (Premium: it is reached through a private endpoint). null: Azure creates one on first use."

  validation {
    condition     = var.container_registry_resource_id == null || can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.ContainerRegistry/registries/[^/]+$", coalesce(var.container_registry_resource_id, "-")))
    error_message = "container_registry_resource_id must be a registry id: /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ContainerRegistry/registries/<name>."
  }
}

variable "primary_user_assigned_identity_resource_id" {
  type        = string
  default     = null
  description = "User-assigned identity the workspace uses to reach its dependencies (must be in managed_identities.user_assigned_resource_ids). null: the system-assigned identity."

  validation {
    condition     = var.primary_user_assigned_identity_resource_id == null || contains(var.managed_identities.user_assigned_resource_ids, coalesce(var.primary_user_assigned_identity_resource_id, "-"))
    error_message = "primary_user_assigned_identity_resource_id must be one of managed_identities.user_assigned_resource_ids."
  }
}

variable "image_build_compute_name" {
  type        = string
  default     = null
  description = "Compute cluster that builds environment images (needed when the registry is private and serverless image build cannot reach it)."
}

variable "high_business_impact" {
  type        = bool
  default     = false
  nullable    = false
  description = "Reduce diagnostic data collected by the service (set at creation)."
}

variable "storage_account_access_type" {
  type        = string
  default     = "Identity"
  nullable    = false
  description = "How the workspace authenticates to its storage account: Identity (Entra ID with the workspace identity; needed when the account has shared_access_key_enabled = false) or AccessKey (the provider default)."

  validation {
    condition     = contains(["Identity", "AccessKey"], var.storage_account_access_type)
    error_message = "storage_account_access_type must be \"Identity\" (storage with shared keys off) or \"AccessKey\"."
  }
}
