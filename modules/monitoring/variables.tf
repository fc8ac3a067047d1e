variable "name" {
  type        = string
  description = "Name of the Log Analytics workspace, e.g. log-chat-prod. Other names derive from it without the \"log-\" prefix (appi-, ag-, ala-, ma-, ampls-)."
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{2,61}[a-zA-Z0-9]$", var.name))
    error_message = "name must be 4-63 characters of letters, digits and '-', starting and ending with a letter or digit (Log Analytics naming rule)."
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

variable "tags" {
  type        = map(string)
  default     = {}
  nullable    = false
  description = "Tags applied to every resource the module creates."
}

variable "retention_in_days" {
  type        = number
  default     = 90
  nullable    = false
  description = "Log Analytics retention in days (30-730). Activity log retention beyond that needs the storage archive."

  validation {
    condition     = var.retention_in_days >= 30 && var.retention_in_days <= 730 && floor(var.retention_in_days) == var.retention_in_days
    error_message = "retention_in_days must be a whole number between 30 and 730."
  }
}

variable "daily_quota_gb" {
  type        = number
  default     = 10
  nullable    = false
  description = "Daily ingestion cap in GB (-1 = unlimited). When reached, ingestion stops until the next day, including security logs: size it with headroom."

  validation {
    condition     = var.daily_quota_gb == -1 || var.daily_quota_gb >= 0.023
    error_message = "daily_quota_gb must be -1 (unlimited) or at least 0.023 GB."
  }
}

variable "internet_ingestion_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Accept ingestion over the public endpoints. false requires private_link_scope and private endpoints (else telemetry is dropped)."

  validation {
    condition     = var.internet_ingestion_enabled || (var.private_link_scope != null && length(var.private_endpoints) > 0)
    error_message = "internet_ingestion_enabled = false drops all telemetry unless it can arrive privately; set private_link_scope and private_endpoints, or keep internet_ingestion_enabled = true."
  }
}

variable "internet_query_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Allow queries over the public endpoints (portal from outside the VNet). false requires private_link_scope and private endpoints."

  validation {
    condition     = var.internet_query_enabled || (var.private_link_scope != null && length(var.private_endpoints) > 0)
    error_message = "internet_query_enabled = false blocks every query unless private_link_scope and private_endpoints are set; set them, or keep internet_query_enabled = true."
  }
}

variable "application_insights_name" {
  type        = string
  default     = null
  description = "Name of the Application Insights component. Default: appi-<name without \"log-\">."
}

variable "application_insights_sampling_percentage" {
  type        = number
  default     = 100
  nullable    = false
  description = "Ingestion sampling percentage for Application Insights (0-100)."

  validation {
    condition     = var.application_insights_sampling_percentage > 0 && var.application_insights_sampling_percentage <= 100
    error_message = "application_insights_sampling_percentage must be greater than 0 and at most 100."
  }
}

variable "application_insights_daily_data_cap_in_gb" {
  type        = number
  default     = null
  description = "Daily data cap of the Application Insights component in GB; null leaves the service default."
}

variable "activity_log_enabled" {
  type        = bool
  default     = true
  nullable    = false
  description = "Send the subscription activity log to the workspace (subscription-scope diagnostic setting). One per subscription per destination: disable it in all but one environment sharing a subscription."
}

variable "activity_log_diagnostic_setting_name" {
  type        = string
  default     = null
  description = "Name of the subscription diagnostic setting. Default: diag-activity-log-<name>."
}

variable "activity_log_categories" {
  type        = set(string)
  default     = ["Administrative", "Security", "ServiceHealth", "Alert", "Recommendation", "Policy", "Autoscale", "ResourceHealth"]
  nullable    = false
  description = "Activity log categories sent to the workspace."

  validation {
    condition     = length(var.activity_log_categories) > 0 && length(setsubtract(var.activity_log_categories, ["Administrative", "Security", "ServiceHealth", "Alert", "Recommendation", "Policy", "Autoscale", "ResourceHealth"])) == 0
    error_message = "activity_log_categories must be a non-empty subset of Administrative, Security, ServiceHealth, Alert, Recommendation, Policy, Autoscale, ResourceHealth."
  }
}

variable "activity_log_archive_storage_account_resource_id" {
  type        = string
  default     = null
  description = "Storage account that also receives the activity log, for 365-day retention (give it a lifecycle policy). null: workspace only."
}

variable "action_group" {
  type = object({
    name               = optional(string)
    short_name         = string
    email_receivers    = optional(map(string), {})
    webhook_receivers  = optional(map(string), {})
    arm_role_receivers = optional(map(string), {})
  })
  default     = null
  description = "Action group the module's alerts notify. Receivers are maps of receiver name to email address / HTTPS URI / role definition GUID. null: no action group."

  validation {
    condition     = var.action_group == null || try(length(var.action_group.short_name) >= 1 && length(var.action_group.short_name) <= 12, false)
    error_message = "action_group.short_name must be 1-12 characters (it prefixes SMS and email notifications)."
  }

  validation {
    condition     = var.action_group == null || try(alltrue([for address in values(var.action_group.email_receivers) : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", address))]), false)
    error_message = "action_group.email_receivers values must be email addresses."
  }

  validation {
    condition     = var.action_group == null || try(alltrue([for uri in values(var.action_group.webhook_receivers) : startswith(uri, "https://")]), false)
    error_message = "action_group.webhook_receivers must use https:// URIs."
  }
}

variable "additional_action_group_resource_ids" {
  type        = set(string)
  default     = []
  nullable    = false
  description = "Existing action groups that the module's alerts also notify."
}

variable "activity_log_alerts" {
  type = map(object({
    category        = string
    description     = optional(string)
    operation_name  = optional(string)
    levels          = optional(set(string), [])
    statuses        = optional(set(string), [])
    resource_groups = optional(set(string), [])
    scopes          = optional(set(string), [])
  }))
  default = {
    service-health = {
      category    = "ServiceHealth"
      description = "Azure service incidents, maintenance and security advisories affecting the subscription."
    }
    resource-health = {
      category    = "ResourceHealth"
      description = "A resource in the subscription became unavailable or degraded."
    }
    role-assignment-write = {
      category       = "Administrative"
      operation_name = "Microsoft.Authorization/roleAssignments/write"
      statuses       = ["Succeeded"]
      description    = "A role assignment was created or changed."
    }
    lock-delete = {
      category       = "Administrative"
      operation_name = "Microsoft.Authorization/locks/delete"
      statuses       = ["Succeeded"]
      description    = "A management lock was deleted."
    }
    nsg-write = {
      category       = "Administrative"
      operation_name = "Microsoft.Network/networkSecurityGroups/securityRules/write"
      statuses       = ["Succeeded"]
      description    = "An NSG rule was created or changed."
    }
    policy-assignment-delete = {
      category       = "Administrative"
      operation_name = "Microsoft.Authorization/policyAssignments/delete"
      statuses       = ["Succeeded"]
      description    = "A policy assignment was deleted."
    }
  }
  nullable    = false
  description = "Activity log alerts (scopes default to the subscription) sent to the action group(s). The default covers service and resource health and security-relevant administrative operations."

  validation {
    condition     = alltrue([for alert in values(var.activity_log_alerts) : contains(["Administrative", "Autoscale", "Policy", "Recommendation", "ResourceHealth", "Security", "ServiceHealth"], alert.category)])
    error_message = "activity_log_alerts[*].category must be one of Administrative, Autoscale, Policy, Recommendation, ResourceHealth, Security, ServiceHealth."
  }

  validation {
    condition     = alltrue([for alert in values(var.activity_log_alerts) : alert.category != "Administrative" || alert.operation_name != null])
    error_message = "activity_log_alerts with category Administrative need an operation_name (e.g. Microsoft.Authorization/roleAssignments/write); otherwise every write in the subscription alerts."
  }
}

variable "metric_alerts" {
  type = map(object({
    scopes                   = set(string)
    description              = optional(string)
    severity                 = optional(number, 2)
    frequency                = optional(string, "PT5M")
    window_size              = optional(string, "PT15M")
    auto_mitigate            = optional(bool, true)
    target_resource_type     = optional(string)
    target_resource_location = optional(string)
    criteria = list(object({
      metric_namespace = string
      metric_name      = string
      aggregation      = string
      operator         = string
      threshold        = number
      dimensions = optional(list(object({
        name     = string
        operator = optional(string, "Include")
        values   = list(string)
      })), [])
    }))
  }))
  default     = {}
  nullable    = false
  description = "Static-threshold metric alerts, e.g. App Service Http5xx or PostgreSQL cpu_percent, sent to the action group(s)."

  validation {
    condition     = alltrue([for alert in values(var.metric_alerts) : length(alert.scopes) > 0 && length(alert.criteria) > 0])
    error_message = "metric_alerts[*] need at least one scope and one criteria entry."
  }

  validation {
    condition     = alltrue([for alert in values(var.metric_alerts) : contains([0, 1, 2, 3, 4], alert.severity)])
    error_message = "metric_alerts[*].severity must be 0 (critical) to 4 (verbose)."
  }

  validation {
    condition = alltrue([for alert in values(var.metric_alerts) :
      contains(["PT1M", "PT5M", "PT15M", "PT30M", "PT1H"], alert.frequency) &&
      contains(["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "PT6H", "PT12H", "P1D"], alert.window_size)
    ])
    error_message = "metric_alerts[*].frequency must be PT1M, PT5M, PT15M, PT30M or PT1H; window_size PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H or P1D."
  }

  validation {
    condition = alltrue([for alert in values(var.metric_alerts) :
      try(
        lookup({ PT1M = 1, PT5M = 5, PT15M = 15, PT30M = 30, PT1H = 60, PT6H = 360, PT12H = 720, P1D = 1440 }, alert.window_size, 0) >=
        lookup({ PT1M = 1, PT5M = 5, PT15M = 15, PT30M = 30, PT1H = 60 }, alert.frequency, 0),
        false
      )
    ])
    error_message = "metric_alerts[*].window_size must be at least frequency (Azure rejects a window shorter than the evaluation frequency at apply); lengthen window_size or shorten frequency."
  }

  validation {
    condition = alltrue(flatten([for alert in values(var.metric_alerts) : [for criterion in alert.criteria :
      contains(["Average", "Count", "Minimum", "Maximum", "Total"], criterion.aggregation) &&
      contains(["Equals", "GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual"], criterion.operator)
    ]]))
    error_message = "metric_alerts[*].criteria: aggregation must be Average, Count, Minimum, Maximum or Total; operator Equals, GreaterThan, GreaterThanOrEqual, LessThan or LessThanOrEqual."
  }

  validation {
    condition     = alltrue([for alert in values(var.metric_alerts) : length(alert.scopes) == 1 || (alert.target_resource_type != null && alert.target_resource_location != null)])
    error_message = "metric_alerts with several scopes (multi-resource alerts) need target_resource_type and target_resource_location."
  }
}

variable "private_link_scope" {
  type = object({
    name                  = optional(string)
    ingestion_access_mode = optional(string, "PrivateOnly")
    query_access_mode     = optional(string, "PrivateOnly")
  })
  default     = null
  description = "Create an Azure Monitor Private Link Scope holding the workspace and Application Insights (needed for private_endpoints). null: none."

  validation {
    condition     = var.private_link_scope == null || try(contains(["Open", "PrivateOnly"], var.private_link_scope.ingestion_access_mode) && contains(["Open", "PrivateOnly"], var.private_link_scope.query_access_mode), false)
    error_message = "private_link_scope access modes must be \"Open\" or \"PrivateOnly\"."
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
  description = "Private endpoints (subresource azuremonitor) on the private link scope. Zones: privatelink.monitor.azure.com, privatelink.oms.opinsights.azure.com, privatelink.ods.opinsights.azure.com, privatelink.agentsvc.azure-automation.net, privatelink.blob.core.windows.net."

  validation {
    condition     = length(var.private_endpoints) == 0 || var.private_link_scope != null
    error_message = "private_endpoints need a private link scope to connect to; set private_link_scope = {} (or remove the private endpoints)."
  }
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
  description = "Diagnostic settings of the workspace itself (query audit logs, metrics), usually to a central security workspace. Map key is arbitrary."
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
  description = "Role assignments on the workspace (e.g. Log Analytics Reader). role_definition_id_or_name is a built-in role name or a role definition resource id."
}

variable "lock" {
  type = object({
    kind = string
    name = optional(string)
  })
  default     = null
  description = "Management lock on the workspace: kind CanNotDelete or ReadOnly."

  validation {
    condition     = var.lock == null || contains(["CanNotDelete", "ReadOnly"], try(var.lock.kind, ""))
    error_message = "lock.kind must be \"CanNotDelete\" or \"ReadOnly\"; set lock = null for no lock."
  }
}
