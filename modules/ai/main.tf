locals {
  identity_type = join(", ", compact([
    var.managed_identities.system_assigned ? "SystemAssigned" : "",
    length(var.managed_identities.user_assigned_resource_ids) > 0 ? "UserAssigned" : "",
  ]))
}

# Foundry (new model): an AIServices account with project management, not azurerm_ai_foundry (hub, classic).
resource "azurerm_cognitive_account" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  kind                       = "AIServices"
  sku_name                   = var.sku_name
  project_management_enabled = true
  custom_subdomain_name      = var.custom_subdomain_name

  # Entra ID only (CKV_AZURE_236), private only (CKV_AZURE_134).
  local_auth_enabled            = false
  public_network_access_enabled = false

  # The provider requires custom_subdomain_name with network_acls (RequiredWith,
  # cognitive_account_resource.go:215 at v4.79.0). Without a subdomain the account has no ACLs, but public
  # network access stays off, so it is still unreachable from the internet.
  dynamic "network_acls" {
    for_each = var.custom_subdomain_name != null ? [1] : []
    content {
      default_action = "Deny"
      bypass         = var.network_acls_bypass
    }
  }

  outbound_network_access_restricted = var.outbound_network_access_restricted
  fqdns                              = var.outbound_network_access_restricted ? var.allowed_outbound_fqdns : null

  identity {
    type         = local.identity_type
    identity_ids = length(var.managed_identities.user_assigned_resource_ids) > 0 ? var.managed_identities.user_assigned_resource_ids : null
  }

  dynamic "network_injection" {
    for_each = var.agent_subnet_resource_id != null ? [1] : []
    content {
      scenario  = "agent"
      subnet_id = var.agent_subnet_resource_id
    }
  }
}

resource "azurerm_cognitive_account_project" "this" {
  count = var.project != null ? 1 : 0

  name                 = var.project.name
  cognitive_account_id = azurerm_cognitive_account.this.id
  location             = var.location
  display_name         = var.project.display_name
  description          = var.project.description
  tags                 = var.tags

  identity {
    type = "SystemAssigned"
  }
}

locals {
  default_content_filters = flatten([
    [for category in ["Hate", "Sexual", "Violence", "Selfharm"] : [
      for source in ["Prompt", "Completion"] : { name = category, source = source, severity_threshold = "Medium", blocking = true, enabled = true }
    ]],
    [{ name = "Jailbreak", source = "Prompt", severity_threshold = "High", blocking = true, enabled = true }],
    [{ name = "Indirect Attack", source = "Prompt", severity_threshold = "High", blocking = true, enabled = true }],
  ])
  content_filters  = var.content_filter_policy == null ? [] : coalesce(var.content_filter_policy.filters, local.default_content_filters)
  default_rai_name = var.content_filter_policy == null ? "Microsoft.DefaultV2" : var.content_filter_policy.name
}

# Custom content filter: changes update in place and apply to every deployment that names it.
resource "azurerm_cognitive_account_rai_policy" "this" {
  count = var.content_filter_policy != null ? 1 : 0

  name                 = var.content_filter_policy.name
  cognitive_account_id = azurerm_cognitive_account.this.id
  base_policy_name     = var.content_filter_policy.base_policy_name
  mode                 = var.content_filter_policy.mode
  tags                 = var.tags

  dynamic "content_filter" {
    for_each = local.content_filters
    content {
      name               = content_filter.value.name
      source             = content_filter.value.source
      severity_threshold = content_filter.value.severity_threshold
      block_enabled      = content_filter.value.blocking
      filter_enabled     = content_filter.value.enabled
    }
  }
}

# One deployment per map entry, keyed by the stable deployment name the app reads from an app setting.
# Replaces (downtime): key (name), model_name, model_format, sku_name. In place: model_version, capacity,
# rai_policy_name, version_upgrade_option.
resource "azurerm_cognitive_deployment" "this" {
  for_each = var.model_deployments

  name                   = each.key
  cognitive_account_id   = azurerm_cognitive_account.this.id
  version_upgrade_option = each.value.version_upgrade_option
  rai_policy_name        = coalesce(each.value.rai_policy_name, local.default_rai_name)

  model {
    format  = each.value.model_format
    name    = each.value.model_name
    version = each.value.model_version
  }

  sku {
    name     = each.value.sku_name
    capacity = each.value.capacity
  }

  depends_on = [azurerm_cognitive_account_rai_policy.this]
}
