locals {
  service_plan_name = coalesce(var.service_plan_name, "asp-${var.name}")
  identity_name     = coalesce(var.identity_name, "id-${var.name}")

  # Key Vault references resolve through key_vault_reference_identity_id (the user-assigned identity).
  key_vault_reference_settings = {
    for setting, secret_id in var.key_vault_secret_references : setting => "@Microsoft.KeyVault(SecretUri=${secret_id})"
  }

  app_settings = merge(
    {
      # The image comes from the registry; no App Service storage mount, no DOCKER_REGISTRY_SERVER_* credentials.
      WEBSITES_ENABLE_APP_SERVICE_STORAGE = "false"
      WEBSITES_PORT                       = tostring(var.container.port)
      # Lets SDKs (DefaultAzureCredential / ManagedIdentityCredential) pick the user-assigned identity.
      AZURE_CLIENT_ID = azurerm_user_assigned_identity.this.client_id
    },
    # Application Insights with local auth off: the SDK authenticates ingestion with the identity
    # (it needs Monitoring Metrics Publisher on the component).
    var.application_insights_connection_string == null ? {} : {
      APPLICATIONINSIGHTS_CONNECTION_STRING     = var.application_insights_connection_string
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING = "Authorization=AAD;ClientId=${azurerm_user_assigned_identity.this.client_id}"
    },
    # Easy Auth reads the client assertion from this setting's identity instead of a client secret.
    var.authentication == null ? {} : {
      OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID = azurerm_user_assigned_identity.this.client_id
    },
    var.app_settings,
    local.key_vault_reference_settings,
  )

  staging_app_settings = merge(local.app_settings, var.staging_slot_app_settings)

  docker_registry_url = "https://${var.container.registry_login_server}"
}

resource "azurerm_user_assigned_identity" "this" {
  name                = local.identity_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

# Created before the web app (depends_on below), so the first image pull and the first Key Vault reference do not
# race RBAC propagation. This is why the identity is user-assigned.
resource "azurerm_role_assignment" "identity" {
  for_each = var.identity_role_assignments

  scope                = each.value.scope_resource_id
  principal_id         = azurerm_user_assigned_identity.this.principal_id
  principal_type       = "ServicePrincipal"
  description          = "${local.identity_name}: ${each.key}"
  role_definition_id   = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? each.value.role_definition_id_or_name : null
  role_definition_name = strcontains(lower(each.value.role_definition_id_or_name), lower(local.role_definition_resource_substring)) ? null : each.value.role_definition_id_or_name
}

resource "azurerm_service_plan" "this" {
  name                   = local.service_plan_name
  location               = var.location
  resource_group_name    = var.resource_group_name
  os_type                = "Linux"
  sku_name               = var.sku_name
  worker_count           = var.worker_count
  zone_balancing_enabled = var.zone_balancing_enabled
  tags                   = var.tags

  lifecycle {
    # worker_count is the initial instance count; afterwards the autoscale setting (or an operator) owns it, and an
    # apply must not scale the plan back. A literal list: ignore_changes cannot depend on whether autoscale is on.
    ignore_changes = [worker_count]
  }
}

# CPU-based autoscale of the plan (the baseline: 3 -> 5 instances), off when autoscale = null.
resource "azurerm_monitor_autoscale_setting" "this" {
  count = var.autoscale != null ? 1 : 0

  name                = "autoscale-${local.service_plan_name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  target_resource_id  = azurerm_service_plan.this.id
  tags                = var.tags

  profile {
    name = "cpu"

    capacity {
      default = var.autoscale.minimum
      minimum = var.autoscale.minimum
      maximum = var.autoscale.maximum
    }

    rule {
      metric_trigger {
        metric_name        = "CpuPercentage"
        metric_resource_id = azurerm_service_plan.this.id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT10M"
        time_aggregation   = "Average"
        operator           = "GreaterThan"
        threshold          = var.autoscale.scale_out_cpu_percent
      }
      scale_action {
        direction = "Increase"
        type      = "ChangeCount"
        value     = "1"
        cooldown  = "PT10M"
      }
    }

    rule {
      metric_trigger {
        metric_name        = "CpuPercentage"
        metric_resource_id = azurerm_service_plan.this.id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT20M"
        time_aggregation   = "Average"
        operator           = "LessThan"
        threshold          = var.autoscale.scale_in_cpu_percent
      }
      scale_action {
        direction = "Decrease"
        type      = "ChangeCount"
        value     = "1"
        cooldown  = "PT20M"
      }
    }
  }
}

resource "azurerm_linux_web_app" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  service_plan_id     = azurerm_service_plan.this.id
  tags                = var.tags

  https_only                                     = true
  public_network_access_enabled                  = var.public_network_access_enabled
  client_affinity_enabled                        = false
  ftp_publish_basic_authentication_enabled       = false
  webdeploy_publish_basic_authentication_enabled = false

  virtual_network_subnet_id = var.virtual_network_subnet_resource_id
  vnet_image_pull_enabled   = true

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }
  key_vault_reference_identity_id = azurerm_user_assigned_identity.this.id

  app_settings = local.app_settings

  # Sticky settings stay with the slot on swap; everything else (image, model deployment name) moves with it.
  dynamic "sticky_settings" {
    for_each = length(var.sticky_app_setting_names) > 0 ? [1] : []
    content {
      app_setting_names = var.sticky_app_setting_names
    }
  }

  # Easy Auth v2: every request needs an Entra ID sign-in, except the health probe path. Secretless: the app
  # registration trusts the user-assigned identity through a federated credential (OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID).
  dynamic "auth_settings_v2" {
    for_each = var.authentication != null ? [var.authentication] : []
    content {
      auth_enabled           = true
      require_authentication = true
      require_https          = true
      unauthenticated_action = "RedirectToLoginPage"
      default_provider       = "azureactivedirectory"
      excluded_paths         = [var.health_check_path]
      # Behind the Application Gateway the request carries the app's own host; the public one is in X-Original-Host,
      # so sign-in redirects go back to the URL the user opened.
      forward_proxy_convention              = "Custom"
      forward_proxy_custom_host_header_name = "X-Original-Host"

      active_directory_v2 {
        client_id                  = auth_settings_v2.value.client_id
        tenant_auth_endpoint       = "https://login.microsoftonline.com/${auth_settings_v2.value.tenant_id}/v2.0"
        client_secret_setting_name = "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID"
        allowed_audiences          = coalesce(auth_settings_v2.value.allowed_audiences, ["api://${auth_settings_v2.value.client_id}"])
      }

      login {
        token_store_enabled = true
      }
    }
  }

  site_config {
    always_on                         = var.always_on
    ftps_state                        = "Disabled"
    http2_enabled                     = true
    minimum_tls_version               = "1.2"
    scm_minimum_tls_version           = "1.2"
    remote_debugging_enabled          = false
    vnet_route_all_enabled            = true
    health_check_path                 = var.health_check_path
    health_check_eviction_time_in_min = var.health_check_eviction_time_in_min

    container_registry_use_managed_identity       = true
    container_registry_managed_identity_client_id = azurerm_user_assigned_identity.this.client_id

    application_stack {
      docker_image_name   = var.container.image_name
      docker_registry_url = local.docker_registry_url
    }
  }

  logs {
    detailed_error_messages = true
    failed_request_tracing  = true

    http_logs {
      file_system {
        retention_in_days = 7
        retention_in_mb   = 35
      }
    }
  }

  depends_on = [azurerm_role_assignment.identity]
}

# Staging slot for blue/green releases (image and model deployment): same hardening as production.
resource "azurerm_linux_web_app_slot" "staging" {
  count = var.staging_slot_enabled ? 1 : 0

  name           = "staging"
  app_service_id = azurerm_linux_web_app.this.id
  tags           = var.tags

  https_only                                     = true
  public_network_access_enabled                  = var.public_network_access_enabled
  client_affinity_enabled                        = false
  ftp_publish_basic_authentication_enabled       = false
  webdeploy_publish_basic_authentication_enabled = false

  virtual_network_subnet_id = var.virtual_network_subnet_resource_id
  vnet_image_pull_enabled   = true

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.this.id]
  }
  key_vault_reference_identity_id = azurerm_user_assigned_identity.this.id

  app_settings = local.staging_app_settings

  # Easy Auth v2: every request needs an Entra ID sign-in, except the health probe path. Secretless: the app
  # registration trusts the user-assigned identity through a federated credential (OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID).
  dynamic "auth_settings_v2" {
    for_each = var.authentication != null ? [var.authentication] : []
    content {
      auth_enabled           = true
      require_authentication = true
      require_https          = true
      unauthenticated_action = "RedirectToLoginPage"
      default_provider       = "azureactivedirectory"
      excluded_paths         = [var.health_check_path]
      # Behind the Application Gateway the request carries the app's own host; the public one is in X-Original-Host,
      # so sign-in redirects go back to the URL the user opened.
      forward_proxy_convention              = "Custom"
      forward_proxy_custom_host_header_name = "X-Original-Host"

      active_directory_v2 {
        client_id                  = auth_settings_v2.value.client_id
        tenant_auth_endpoint       = "https://login.microsoftonline.com/${auth_settings_v2.value.tenant_id}/v2.0"
        client_secret_setting_name = "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID"
        allowed_audiences          = coalesce(auth_settings_v2.value.allowed_audiences, ["api://${auth_settings_v2.value.client_id}"])
      }

      login {
        token_store_enabled = true
      }
    }
  }

  site_config {
    always_on                         = var.always_on
    ftps_state                        = "Disabled"
    http2_enabled                     = true
    minimum_tls_version               = "1.2"
    scm_minimum_tls_version           = "1.2"
    remote_debugging_enabled          = false
    vnet_route_all_enabled            = true
    health_check_path                 = var.health_check_path
    health_check_eviction_time_in_min = var.health_check_eviction_time_in_min

    container_registry_use_managed_identity       = true
    container_registry_managed_identity_client_id = azurerm_user_assigned_identity.this.client_id

    application_stack {
      docker_image_name   = coalesce(var.staging_slot_image_name, var.container.image_name)
      docker_registry_url = local.docker_registry_url
    }
  }

  logs {
    detailed_error_messages = true
    failed_request_tracing  = true

    http_logs {
      file_system {
        retention_in_days = 7
        retention_in_mb   = 35
      }
    }
  }
}
