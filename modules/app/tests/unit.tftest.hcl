mock_provider "azurerm" {}

variables {
  name                = "app-unit-01"
  location            = "swedencentral"
  resource_group_name = "rg-unit"
  container = {
    registry_login_server = "crunit.azurecr.io"
    image_name            = "chat-api:1.0.0"
  }
  virtual_network_subnet_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-app"
  identity_role_assignments = {
    acr_pull = {
      scope_resource_id          = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.ContainerRegistry/registries/crunit"
      role_definition_id_or_name = "AcrPull"
    }
    key_vault_secrets_user = {
      scope_resource_id          = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.KeyVault/vaults/kv-unit"
      role_definition_id_or_name = "Key Vault Secrets User"
    }
  }
  authentication = {
    client_id = "11111111-1111-1111-1111-111111111111"
    tenant_id = "22222222-2222-2222-2222-222222222222"
  }
  key_vault_secret_references = {
    THIRD_PARTY_API_KEY = "https://kv-unit.vault.azure.net/secrets/third-party-api-key"
  }
  diagnostic_settings = {
    law = {
      workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit"
    }
  }
}

run "secure_defaults" {
  command = plan

  # Plan: P1v3, 3 workers, zone balanced (CKV_AZURE_211/212/225).
  assert {
    condition     = azurerm_service_plan.this.os_type == "Linux" && azurerm_service_plan.this.sku_name == "P1v3"
    error_message = "plan must be Linux P1v3 by default"
  }
  assert {
    condition     = azurerm_service_plan.this.worker_count == 3 && azurerm_service_plan.this.zone_balancing_enabled == true
    error_message = "plan must run 3 zone-balanced workers by default"
  }

  # CKV_AZURE_14 https only.
  assert {
    condition     = azurerm_linux_web_app.this.https_only == true && azurerm_linux_web_app_slot.staging[0].https_only == true
    error_message = "https_only must be on for app and slot"
  }
  # CKV_AZURE_15 TLS 1.2 (also SCM).
  assert {
    condition     = azurerm_linux_web_app.this.site_config[0].minimum_tls_version == "1.2" && azurerm_linux_web_app.this.site_config[0].scm_minimum_tls_version == "1.2"
    error_message = "minimum TLS must be 1.2"
  }
  assert {
    condition     = azurerm_linux_web_app_slot.staging[0].site_config[0].minimum_tls_version == "1.2"
    error_message = "slot minimum TLS must be 1.2"
  }
  # CKV_AZURE_78 FTPS disabled.
  assert {
    condition     = azurerm_linux_web_app.this.site_config[0].ftps_state == "Disabled" && azurerm_linux_web_app_slot.staging[0].site_config[0].ftps_state == "Disabled"
    error_message = "ftps_state must be Disabled"
  }
  # Basic auth (FTP and WebDeploy) off.
  assert {
    condition     = azurerm_linux_web_app.this.ftp_publish_basic_authentication_enabled == false && azurerm_linux_web_app.this.webdeploy_publish_basic_authentication_enabled == false
    error_message = "FTP and WebDeploy basic auth must be off"
  }
  assert {
    condition     = azurerm_linux_web_app_slot.staging[0].ftp_publish_basic_authentication_enabled == false && azurerm_linux_web_app_slot.staging[0].webdeploy_publish_basic_authentication_enabled == false
    error_message = "slot FTP and WebDeploy basic auth must be off"
  }
  # CKV_AZURE_18 http2.
  assert {
    condition     = azurerm_linux_web_app.this.site_config[0].http2_enabled == true && azurerm_linux_web_app_slot.staging[0].site_config[0].http2_enabled == true
    error_message = "http2 must be on"
  }
  # CKV_AZURE_214 always on.
  assert {
    condition     = azurerm_linux_web_app.this.site_config[0].always_on == true
    error_message = "always_on must be on"
  }
  # CKV_AZURE_213 health check with eviction.
  assert {
    condition     = azurerm_linux_web_app.this.site_config[0].health_check_path == "/healthz" && azurerm_linux_web_app.this.site_config[0].health_check_eviction_time_in_min == 5
    error_message = "health check path and eviction time must be set"
  }
  # CKV_AZURE_222 public network access off.
  assert {
    condition     = azurerm_linux_web_app.this.public_network_access_enabled == false && azurerm_linux_web_app_slot.staging[0].public_network_access_enabled == false
    error_message = "public network access must be off by default"
  }
  # CKV_AZURE_16/71 identity: user-assigned, also used for Key Vault references.
  assert {
    condition     = azurerm_linux_web_app.this.identity[0].type == "UserAssigned" && azurerm_linux_web_app_slot.staging[0].identity[0].type == "UserAssigned"
    error_message = "identity must be UserAssigned"
  }
  # VNet integration with all traffic and the image pull routed through the VNet.
  assert {
    condition     = azurerm_linux_web_app.this.virtual_network_subnet_id == var.virtual_network_subnet_resource_id && azurerm_linux_web_app.this.site_config[0].vnet_route_all_enabled == true && azurerm_linux_web_app.this.vnet_image_pull_enabled == true
    error_message = "VNet integration with route-all and image pull over the VNet must be on"
  }
  assert {
    condition     = azurerm_linux_web_app_slot.staging[0].virtual_network_subnet_id == var.virtual_network_subnet_resource_id && azurerm_linux_web_app_slot.staging[0].site_config[0].vnet_route_all_enabled == true && azurerm_linux_web_app_slot.staging[0].vnet_image_pull_enabled == true
    error_message = "slot VNet integration must match production"
  }
  # Image from the registry with the managed identity; no registry credentials.
  assert {
    condition     = azurerm_linux_web_app.this.site_config[0].container_registry_use_managed_identity == true && azurerm_linux_web_app.this.site_config[0].application_stack[0].docker_registry_url == "https://crunit.azurecr.io" && azurerm_linux_web_app.this.site_config[0].application_stack[0].docker_image_name == "chat-api:1.0.0"
    error_message = "image must be pulled from the registry with the managed identity"
  }
  assert {
    condition     = azurerm_linux_web_app.this.site_config[0].application_stack[0].docker_registry_password == null && azurerm_linux_web_app.this.site_config[0].application_stack[0].docker_registry_username == null
    error_message = "no registry credentials"
  }
  assert {
    condition     = azurerm_linux_web_app_slot.staging[0].site_config[0].container_registry_use_managed_identity == true
    error_message = "slot must pull with the managed identity"
  }
  # Key Vault references.
  assert {
    condition     = azurerm_linux_web_app.this.app_settings["THIRD_PARTY_API_KEY"] == "@Microsoft.KeyVault(SecretUri=https://kv-unit.vault.azure.net/secrets/third-party-api-key)"
    error_message = "secrets must be Key Vault references"
  }
  assert {
    condition     = length([for k, v in azurerm_linux_web_app.this.app_settings : k if startswith(k, "DOCKER_REGISTRY_SERVER_")]) == 0
    error_message = "no DOCKER_REGISTRY_SERVER_* settings"
  }
  # CKV_AZURE_63/65/66 logs.
  assert {
    condition     = azurerm_linux_web_app.this.logs[0].detailed_error_messages == true && azurerm_linux_web_app.this.logs[0].failed_request_tracing == true
    error_message = "detailed errors and failed request tracing must be on"
  }
  assert {
    condition     = azurerm_linux_web_app.this.site_config[0].remote_debugging_enabled == false
    error_message = "remote debugging must be off"
  }
  # Diagnostics: app, slot (logs + metrics), plan (metrics only).
  assert {
    condition     = length(azurerm_monitor_diagnostic_setting.this) == 3
    error_message = "one diagnostic setting each for app, slot and plan"
  }
  assert {
    condition     = length(azurerm_monitor_diagnostic_setting.this["plan-law"].enabled_log) == 0 && length(azurerm_monitor_diagnostic_setting.this["app-law"].enabled_log) == 1
    error_message = "the plan sends metrics only; the app sends allLogs"
  }
  # Roles for the identity exist before the web app.
  assert {
    condition     = azurerm_role_assignment.identity["acr_pull"].role_definition_name == "AcrPull" && azurerm_role_assignment.identity["key_vault_secrets_user"].role_definition_name == "Key Vault Secrets User"
    error_message = "the identity must get AcrPull and Key Vault Secrets User"
  }
}

run "staging_overrides_and_lock" {
  command = plan

  override_resource {
    target          = azurerm_user_assigned_identity.this
    override_during = plan
    values = {
      client_id = "11111111-1111-1111-1111-111111111111"
    }
  }

  variables {
    application_insights_connection_string = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/"
    staging_slot_app_settings              = { AZURE_OPENAI_DEPLOYMENT = "chat-v2" }
    app_settings                           = { AZURE_OPENAI_DEPLOYMENT = "chat-v1" }
    lock                                   = { kind = "CanNotDelete" }
  }

  assert {
    condition     = azurerm_linux_web_app_slot.staging[0].app_settings["AZURE_OPENAI_DEPLOYMENT"] == "chat-v2" && azurerm_linux_web_app.this.app_settings["AZURE_OPENAI_DEPLOYMENT"] == "chat-v1"
    error_message = "the staging slot must carry its own model deployment setting"
  }
  assert {
    condition     = azurerm_linux_web_app.this.app_settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] == "Authorization=AAD;ClientId=11111111-1111-1111-1111-111111111111"
    error_message = "Application Insights ingestion must use Entra auth"
  }
  assert {
    condition     = azurerm_management_lock.this[0].lock_level == "CanNotDelete"
    error_message = "lock must be created"
  }
}

run "dev_without_zones_or_slot" {
  command = plan

  variables {
    sku_name               = "B1"
    worker_count           = 1
    zone_balancing_enabled = false
    staging_slot_enabled   = false
  }

  assert {
    condition     = length(azurerm_linux_web_app_slot.staging) == 0 && length(azurerm_monitor_diagnostic_setting.this) == 2
    error_message = "no slot and no slot diagnostics when staging_slot_enabled = false"
  }
}

run "rejects_free_sku_for_vnet_integration" {
  command = plan
  variables {
    sku_name               = "F1"
    always_on              = false
    zone_balancing_enabled = false
    worker_count           = 1
    staging_slot_enabled   = false
  }
  expect_failures = [var.sku_name]
}

run "rejects_slot_on_basic" {
  command = plan
  variables {
    sku_name               = "B1"
    zone_balancing_enabled = false
    worker_count           = 1
  }
  expect_failures = [var.sku_name]
}

run "rejects_zone_balancing_on_standard" {
  command = plan
  variables {
    sku_name = "S1"
  }
  expect_failures = [var.sku_name]
}

run "rejects_zone_balancing_with_two_workers" {
  command = plan
  variables {
    worker_count = 2
  }
  expect_failures = [var.worker_count]
}

run "rejects_always_on_on_free" {
  command = plan
  variables {
    sku_name               = "D1"
    zone_balancing_enabled = false
    worker_count           = 1
    staging_slot_enabled   = false
  }
  expect_failures = [var.sku_name]
}

run "rejects_unpinned_image" {
  command = plan
  variables {
    container = {
      registry_login_server = "crunit.azurecr.io"
      image_name            = "chat-api"
    }
  }
  expect_failures = [var.container]
}

run "rejects_versioned_secret_reference" {
  command = plan
  variables {
    key_vault_secret_references = {
      X = "https://kv-unit.vault.azure.net/secrets/x/0123456789abcdef0123456789abcdef"
    }
  }
  expect_failures = [var.key_vault_secret_references]
}

run "rejects_bad_eviction_time" {
  command = plan
  variables {
    health_check_eviction_time_in_min = 1
  }
  expect_failures = [var.health_check_eviction_time_in_min]
}

run "rejects_bad_lock_kind" {
  command = plan
  variables {
    lock = { kind = "Delete" }
  }
  expect_failures = [var.lock]
}

run "rejects_bad_name" {
  command = plan
  variables {
    name = "App_Unit"
  }
  expect_failures = [var.name]
}

run "rejects_registry_url_instead_of_login_server" {
  command = plan
  variables {
    container = {
      registry_login_server = "https://crunit.azurecr.io"
      image_name            = "chat-api:1.0.0"
    }
  }
  expect_failures = [var.container]
}

run "rejects_non_subnet_id" {
  command = plan
  variables {
    virtual_network_subnet_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit"
  }
  expect_failures = [var.virtual_network_subnet_resource_id]
}

run "rejects_zero_workers" {
  command = plan
  variables {
    worker_count           = 0
    zone_balancing_enabled = false
  }
  expect_failures = [var.worker_count]
}

run "rejects_relative_health_check_path" {
  command = plan
  variables {
    health_check_path = "healthz"
  }
  expect_failures = [var.health_check_path]
}

run "easy_auth_v2_with_entra_id" {
  command = plan
  assert {
    condition = alltrue([for a in [azurerm_linux_web_app.this.auth_settings_v2[0], azurerm_linux_web_app_slot.staging[0].auth_settings_v2[0]] :
    a.auth_enabled && a.require_authentication && a.default_provider == "azureactivedirectory" && a.unauthenticated_action == "RedirectToLoginPage"])
    error_message = "Easy Auth v2 must require an Entra ID sign-in on the app and the slot"
  }
  assert {
    condition     = azurerm_linux_web_app.this.auth_settings_v2[0].active_directory_v2[0].client_secret_setting_name == "OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID" && azurerm_linux_web_app.this.auth_settings_v2[0].active_directory_v2[0].tenant_auth_endpoint == "https://login.microsoftonline.com/22222222-2222-2222-2222-222222222222/v2.0"
    error_message = "secretless Easy Auth: the client assertion comes from the user-assigned identity"
  }
  assert {
    condition     = azurerm_linux_web_app.this.auth_settings_v2[0].excluded_paths == tolist(["/healthz"])
    error_message = "the health probe path stays reachable without sign-in"
  }
}

run "rejects_missing_authentication" {
  command = plan
  variables {
    authentication = null
  }
  expect_failures = [var.authentication_required]
}

run "autoscale_and_staging_endpoint" {
  command = plan
  variables {
    autoscale = { minimum = 3, maximum = 5 }
    staging_slot_private_endpoints = {
      pe = { subnet_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe" }
    }
  }
  assert {
    condition     = azurerm_monitor_autoscale_setting.this[0].profile[0].capacity[0].minimum == 3 && azurerm_monitor_autoscale_setting.this[0].profile[0].capacity[0].maximum == 5
    error_message = "autoscale 3 -> 5"
  }
  assert {
    condition     = module.staging_private_endpoint["pe"].name == "pe-app-unit-01-staging-pe"
    error_message = "the staging slot has its own private endpoint"
  }
}

run "rejects_autoscale_below_zones" {
  command = plan
  variables {
    autoscale = { minimum = 2, maximum = 5 }
  }
  expect_failures = [var.autoscale]
}
