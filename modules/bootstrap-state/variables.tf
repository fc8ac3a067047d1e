variable "subscription_id" {
  type        = string
  default     = null
  description = "Subscription for the state resources. null: taken from ARM_SUBSCRIPTION_ID."

  validation {
    condition     = var.subscription_id == null || can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", var.subscription_id))
    error_message = "subscription_id must be a GUID (or null to use ARM_SUBSCRIPTION_ID)."
  }
}

variable "location" {
  type        = string
  description = "Azure region with availability zones, e.g. swedencentral."
  nullable    = false
}

variable "resource_group_name" {
  type        = string
  description = "Name of the resource group to create for the state storage, e.g. rg-tfstate."
  nullable    = false

  validation {
    condition     = can(regex("^[-\\w.()]{1,89}[-\\w()]$", var.resource_group_name))
    error_message = "resource_group_name must be 1-90 characters of letters, digits, '_', '-', '.', '(' and ')', not ending with '.'."
  }
}

variable "storage_account_name" {
  type        = string
  description = "Name of the state storage account (globally unique; 3-24 lowercase letters and digits)."
  nullable    = false

  validation {
    condition     = can(regex("^[a-z0-9]{3,24}$", var.storage_account_name))
    error_message = "storage_account_name must be 3-24 lowercase letters and digits."
  }
}

variable "container_name" {
  type        = string
  default     = "tfstate"
  nullable    = false
  description = "Name of the blob container for the state files."

  validation {
    condition     = can(regex("^[a-z0-9](-?[a-z0-9])+$", var.container_name)) && length(var.container_name) >= 3 && length(var.container_name) <= 63
    error_message = "container_name must be 3-63 lowercase letters, digits and single '-', starting and ending with a letter or digit."
  }
}

variable "tags" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Tags applied to every resource the module creates."
}

variable "account_replication_type" {
  type        = string
  default     = "GZRS"
  nullable    = false
  description = "Zone-redundant replication: ZRS, GZRS (default) or RAGZRS."

  validation {
    condition     = contains(["ZRS", "GZRS", "RAGZRS"], var.account_replication_type)
    error_message = "account_replication_type must be ZRS, GZRS or RAGZRS: state storage must survive a zone outage (CKV_AZURE_206)."
  }
}

variable "ci_principal_id" {
  type        = string
  description = "Object id of the CI identity (the service principal or user-assigned identity with the GitHub OIDC federated credential); gets Storage Blob Data Contributor on the container."
  nullable    = false

  validation {
    condition     = can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", var.ci_principal_id))
    error_message = "ci_principal_id must be the object (principal) id GUID of the CI identity, not its client id or name."
  }
}

variable "ci_principal_type" {
  type        = string
  default     = "ServicePrincipal"
  nullable    = false
  description = "Principal type of the CI identity (ServicePrincipal for app registrations and managed identities)."

  validation {
    condition     = contains(["ServicePrincipal", "User", "Group"], var.ci_principal_type)
    error_message = "ci_principal_type must be ServicePrincipal, User or Group."
  }
}

variable "state_contributor_principal_ids" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Further principals (e.g. the platform team group) with Storage Blob Data Contributor on the container, keyed by a stable name."

  validation {
    condition     = alltrue([for id in values(var.state_contributor_principal_ids) : can(regex("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", id))])
    error_message = "state_contributor_principal_ids values must be object id GUIDs."
  }
}

variable "public_network_access_enabled" {
  type        = bool
  default     = false
  nullable    = false
  description = "Public endpoint of the account. Off by default: reach it through private_endpoints (self-hosted runners in the VNet). true + allowed_ip_ranges for a bootstrap machine or fixed-IP runners; the firewall stays Deny."
}

variable "allowed_ip_ranges" {
  type        = set(string)
  default     = []
  nullable    = false
  description = "Public IPv4 addresses or CIDRs (up to /30) allowed through the firewall; needs public_network_access_enabled = true."

  validation {
    condition     = length(var.allowed_ip_ranges) == 0 || var.public_network_access_enabled
    error_message = "allowed_ip_ranges only apply with public_network_access_enabled = true; enable it or use private_endpoints."
  }

  validation {
    condition = alltrue([for range in var.allowed_ip_ranges :
      can(regex("^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/([0-9]|[12][0-9]|30))?$", range)) && can(cidrhost(strcontains(range, "/") ? range : "${range}/32", 0)) &&
      !anytrue([for private in ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "0.0.0.0/8"] :
        cidrhost("${split("/", range)[0]}/${split("/", private)[1]}", 0) == cidrhost(private, 0)
      ])
    ])
    error_message = "allowed_ip_ranges must be public IPv4 addresses or CIDRs of /30 or larger (storage firewalls reject private ranges, /31 and /32 prefixes, and 0.0.0.0/0)."
  }
}

variable "blob_soft_delete_retention_days" {
  type        = number
  default     = 30
  nullable    = false
  description = "Days a deleted or overwritten state blob can be recovered (CKV2_AZURE_38)."

  validation {
    condition     = var.blob_soft_delete_retention_days >= 7 && var.blob_soft_delete_retention_days <= 365
    error_message = "blob_soft_delete_retention_days must be between 7 and 365."
  }
}

variable "container_soft_delete_retention_days" {
  type        = number
  default     = 30
  nullable    = false
  description = "Days a deleted container can be recovered."

  validation {
    condition     = var.container_soft_delete_retention_days >= 7 && var.container_soft_delete_retention_days <= 365
    error_message = "container_soft_delete_retention_days must be between 7 and 365."
  }
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
  description = "Private endpoints for the blob service (subresource blob; zone privatelink.blob.core.windows.net) (CKV2_AZURE_33)."
}

variable "diagnostic_settings" {
  type = map(object({
    name                           = optional(string)
    workspace_resource_id          = string
    log_groups                     = optional(set(string), ["allLogs"])
    metric_categories              = optional(set(string), ["Transaction"])
    log_analytics_destination_type = optional(string, "Dedicated")
  }))
  default     = {}
  nullable    = false
  description = "Diagnostic settings of the blob service (StorageRead/Write/Delete) to Log Analytics. Map key is arbitrary. A blob service emits only the metric categories Capacity and Transaction (AllMetrics is rejected by Azure)."

  # Azure-side rule the provider does not validate: blobServices/default supports the metric categories Capacity and
  # Transaction only ("az monitor diagnostic-settings categories list" on the blob service); AllMetrics fails at apply.
  validation {
    condition     = alltrue([for setting in values(var.diagnostic_settings) : length(setsubtract(setting.metric_categories, ["Capacity", "Transaction"])) == 0])
    error_message = "diagnostic_settings[*].metric_categories of a blob service may only contain \"Capacity\" and \"Transaction\" (Azure rejects AllMetrics there)."
  }
}

variable "lock" {
  type = object({
    kind = string
    name = optional(string)
  })
  default     = { kind = "CanNotDelete" }
  description = "Management lock on the storage account; on by default (CanNotDelete). null removes it."

  validation {
    condition     = var.lock == null || contains(["CanNotDelete", "ReadOnly"], try(var.lock.kind, ""))
    error_message = "lock.kind must be \"CanNotDelete\" or \"ReadOnly\"; set lock = null for no lock."
  }
}
