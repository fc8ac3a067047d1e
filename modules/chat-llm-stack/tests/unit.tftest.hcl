# Plan-level checks of the composition root with a mocked provider. The full plan -> apply -> re-plan run with the
# baseline checks across every resource is __tests__/stack-chat-llm.test.ts.
mock_provider "azurerm" {
  mock_data "azurerm_client_config" {
    defaults = {
      tenant_id       = "00000000-0000-0000-0000-000000000001"
      subscription_id = "00000000-0000-0000-0000-000000000000"
      object_id       = "00000000-0000-0000-0000-000000000002"
      client_id       = "00000000-0000-0000-0000-000000000003"
    }
  }
}

mock_provider "time" {}

variables {
  environment         = "dev"
  app_image_name      = "chat-api:0.1.0"
  app_entra_client_id = "6d5f0a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6"
  model_deployments = {
    chat = {
      model_name    = "gpt-4o-mini"
      model_version = "2024-07-18"
      capacity      = 10
    }
  }
}

run "dev" {
  command = plan

  variables {
    app_sku_name                          = "S1"
    app_worker_count                      = 1
    app_zone_balancing_enabled            = false
    registry_zone_redundancy_enabled      = false
    postgres_sku_name                     = "B_Standard_B1ms"
    postgres_high_availability_enabled    = false
    postgres_geo_redundant_backup_enabled = false
    postgres_backup_retention_days        = 7
    redis_high_availability_enabled       = false
  }

  assert {
    condition     = azurerm_resource_group.this.name == "rg-chat-dev"
    error_message = "resource group name"
  }
  assert {
    condition     = local.suffix == substr(sha256("00000000-0000-0000-0000-000000000000/chat/dev"), 0, 5)
    error_message = "the name suffix is derived from subscription, workload and environment"
  }
  assert {
    condition     = length(local.names.key_vault) <= 24 && length(local.names.registry) <= 50
    error_message = "globally unique names must fit their limits"
  }
  assert {
    condition     = local.lock == null
    error_message = "no locks by default"
  }
  assert {
    condition     = length(module.ml) == 0 && length(azurerm_storage_account.ml) == 0 && length(module.ml_keyvault) == 0
    error_message = "ML is off by default"
  }
  assert {
    condition     = !contains(local.private_dns_zones, "privatelink.api.azureml.ms")
    error_message = "no ML DNS zones without ML"
  }
}

run "prod_with_ml_and_locks" {
  command = plan

  variables {
    environment           = "prod"
    lock_kind             = "CanNotDelete"
    ml_enabled            = true
    redis_sku_name        = "Balanced_B3"
    alert_email_addresses = ["oncall@example.com"]
    postgres_admin_group  = { object_id = "00000000-0000-0000-0000-000000000009", name = "dba-chat" }
  }

  assert {
    condition     = local.lock.kind == "CanNotDelete"
    error_message = "locks in prod"
  }
  assert {
    condition     = length(module.ml) == 1 && contains(local.private_dns_zones, "privatelink.api.azureml.ms") && contains(local.private_dns_zones, "privatelink.blob.core.windows.net")
    error_message = "ML workspace with its DNS zones"
  }
  assert {
    condition     = azurerm_storage_account.ml[0].shared_access_key_enabled == false && azurerm_storage_account.ml[0].public_network_access_enabled == false && azurerm_storage_account.ml[0].min_tls_version == "TLS1_2"
    error_message = "ML storage must be private, keyless and TLS 1.2"
  }
  assert {
    condition     = azurerm_application_insights.ml[0].local_authentication_enabled == false
    error_message = "ML Application Insights must have local auth off"
  }
  assert {
    condition     = length(azurerm_monitor_diagnostic_setting.ml_storage) == 3
    error_message = "ML storage account, blob and file services have diagnostic settings"
  }
}

run "rejects_unknown_active_model_deployment" {
  command = plan
  variables {
    active_model_deployment = "gpt"
  }
  expect_failures = [var.active_model_deployment]
}

run "rejects_unknown_staging_model_deployment" {
  command = plan
  variables {
    staging_model_deployment = "chat-next"
  }
  expect_failures = [var.staging_model_deployment]
}

run "rejects_secret_reference_without_secret" {
  command = plan
  variables {
    app_secret_references = { THIRD_PARTY_API_KEY = "third-party-api-key" }
  }
  expect_failures = [var.app_secret_references]
}

run "rejects_long_workload" {
  command = plan
  variables {
    workload = "chatbotservice"
  }
  expect_failures = [var.workload]
}

run "rejects_bad_foundry_role" {
  command = plan
  variables {
    foundry_role_definition_name = "Owner"
  }
  expect_failures = [var.foundry_role_definition_name]
}

run "rejects_bad_lock_kind" {
  command = plan
  variables {
    lock_kind = "Delete"
  }
  expect_failures = [var.lock_kind]
}

run "rejects_long_environment" {
  command = plan
  variables {
    environment = "production"
  }
  expect_failures = [var.environment]
}

run "rejects_bad_name_suffix" {
  command = plan
  variables {
    name_suffix = "ABC"
  }
  expect_failures = [var.name_suffix]
}

# The longest inputs the variables accept: every globally unique name must still fit its Azure limit (the ML vault
# name used to reach 27 characters, over Key Vault's 24).
run "longest_accepted_names_fit" {
  command = plan
  variables {
    workload    = "abcdefgh"
    environment = "abcde"
    name_suffix = "abcdef"
    ml_enabled  = true
  }
  assert {
    condition     = length(local.names.key_vault) <= 24 && length(local.ml_names.key_vault) <= 24 && length(local.ml_names.storage) <= 24
    error_message = "Key Vault and storage names must be at most 24 characters"
  }
  assert {
    condition     = length(local.names.registry) <= 50 && length(local.names.app) <= 60 && length(local.names.postgres) <= 63 && length(local.names.foundry) <= 64
    error_message = "registry, app, PostgreSQL and Foundry names must fit their limits"
  }
}
