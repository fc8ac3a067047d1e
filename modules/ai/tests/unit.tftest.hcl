mock_provider "azurerm" {}

variables {
  name                  = "aif-unit-01"
  location              = "swedencentral"
  resource_group_name   = "rg-unit"
  custom_subdomain_name = "aif-unit-01"
  project               = { name = "chat" }
  model_deployments = {
    chat = {
      model_name    = "gpt-4o"
      model_version = "2024-11-20"
      capacity      = 50
    }
  }
  private_endpoints = {
    pe = {
      subnet_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe"
      private_dns_zone_resource_ids = [
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/privateDnsZones/privatelink.services.ai.azure.com",
      ]
    }
  }
  diagnostic_settings = {
    law = {
      workspace_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.OperationalInsights/workspaces/log-unit"
    }
  }
}

run "secure_defaults" {
  command = plan

  # The new Foundry model, not the hub (azurerm_ai_foundry).
  assert {
    condition     = azurerm_cognitive_account.this.kind == "AIServices" && azurerm_cognitive_account.this.project_management_enabled == true
    error_message = "account must be AIServices with project management"
  }
  assert {
    condition     = azurerm_cognitive_account.this.custom_subdomain_name == "aif-unit-01"
    error_message = "custom subdomain must be set"
  }
  # CKV_AZURE_236 local auth off.
  assert {
    condition     = azurerm_cognitive_account.this.local_auth_enabled == false
    error_message = "local (key) auth must be off"
  }
  # CKV_AZURE_134 public access off.
  assert {
    condition     = azurerm_cognitive_account.this.public_network_access_enabled == false
    error_message = "public network access must be off"
  }
  assert {
    condition     = azurerm_cognitive_account.this.network_acls[0].default_action == "Deny"
    error_message = "network ACL must deny by default"
  }
  # CKV_AZURE_238 identity.
  assert {
    condition     = azurerm_cognitive_account.this.identity[0].type == "SystemAssigned"
    error_message = "account must have a managed identity"
  }
  assert {
    condition     = azurerm_cognitive_account_project.this[0].name == "chat" && azurerm_cognitive_account_project.this[0].identity[0].type == "SystemAssigned"
    error_message = "project must be created with an identity"
  }
  # Pinned model, no auto upgrade, sku block (not the removed scale block).
  assert {
    condition     = azurerm_cognitive_deployment.this["chat"].model[0].version == "2024-11-20" && azurerm_cognitive_deployment.this["chat"].version_upgrade_option == "NoAutoUpgrade"
    error_message = "model version must be pinned with NoAutoUpgrade"
  }
  assert {
    condition     = azurerm_cognitive_deployment.this["chat"].model[0].format == "OpenAI" && azurerm_cognitive_deployment.this["chat"].model[0].name == "gpt-4o"
    error_message = "model format and name must come from the map"
  }
  assert {
    condition     = azurerm_cognitive_deployment.this["chat"].sku[0].name == "GlobalStandard" && azurerm_cognitive_deployment.this["chat"].sku[0].capacity == 50
    error_message = "sku block must carry name and capacity"
  }
  assert {
    condition     = azurerm_cognitive_deployment.this["chat"].rai_policy_name == "Microsoft.DefaultV2"
    error_message = "RAI policy must be Microsoft.DefaultV2 by default"
  }
  assert {
    condition     = module.private_endpoint["pe"].name == "pe-aif-unit-01-pe"
    error_message = "a private endpoint must be created"
  }
  assert {
    condition     = azurerm_monitor_diagnostic_setting.this["law"].log_analytics_workspace_id == var.diagnostic_settings.law.workspace_resource_id
    error_message = "diagnostic setting must be created"
  }
  assert {
    condition     = output.openai_endpoint == "https://aif-unit-01.openai.azure.com/"
    error_message = "openai endpoint output"
  }
}

run "blue_green_two_versions" {
  command = plan

  variables {
    model_deployments = {
      chat = {
        model_name    = "gpt-4o"
        model_version = "2024-08-06"
        capacity      = 50
      }
      chat-next = {
        model_name    = "gpt-4o"
        model_version = "2024-11-20"
        capacity      = 50
        sku_name      = "DataZoneStandard"
      }
    }
  }

  assert {
    condition     = length(azurerm_cognitive_deployment.this) == 2 && azurerm_cognitive_deployment.this["chat-next"].sku[0].name == "DataZoneStandard"
    error_message = "two deployments side by side for blue/green"
  }
}

run "account_without_project_or_endpoint" {
  command = plan
  variables {
    custom_subdomain_name = null
    project               = null
    private_endpoints     = {}
  }
  assert {
    condition     = length(azurerm_cognitive_account_project.this) == 0
    error_message = "no project"
  }
}

run "rejects_project_without_subdomain" {
  command = plan
  variables {
    custom_subdomain_name = null
    private_endpoints     = {}
  }
  expect_failures = [var.custom_subdomain_name]
}

run "rejects_private_endpoint_without_subdomain" {
  command = plan
  variables {
    custom_subdomain_name = null
    project               = null
  }
  expect_failures = [var.custom_subdomain_name]
}

run "rejects_unpinned_model_version" {
  command = plan
  variables {
    model_deployments = {
      chat = {
        model_name    = "gpt-4o"
        model_version = ""
        capacity      = 50
      }
    }
  }
  expect_failures = [var.model_deployments]
}

run "rejects_bad_upgrade_option" {
  command = plan
  variables {
    model_deployments = {
      chat = {
        model_name             = "gpt-4o"
        model_version          = "2024-11-20"
        capacity               = 50
        version_upgrade_option = "Always"
      }
    }
  }
  expect_failures = [var.model_deployments]
}

run "rejects_bad_deployment_sku" {
  command = plan
  variables {
    model_deployments = {
      chat = {
        model_name    = "gpt-4o"
        model_version = "2024-11-20"
        capacity      = 50
        sku_name      = "Premium"
      }
    }
  }
  expect_failures = [var.model_deployments]
}

run "rejects_zero_capacity" {
  command = plan
  variables {
    model_deployments = {
      chat = {
        model_name    = "gpt-4o"
        model_version = "2024-11-20"
        capacity      = 0
      }
    }
  }
  expect_failures = [var.model_deployments]
}

run "rejects_no_identity" {
  command = plan
  variables {
    managed_identities = {}
  }
  expect_failures = [var.managed_identities]
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
    name = "-aif"
  }
  expect_failures = [var.name]
}

run "rejects_bad_subdomain" {
  command = plan
  variables {
    custom_subdomain_name = "AIF_Unit"
  }
  expect_failures = [var.custom_subdomain_name]
}

run "rejects_bad_bypass" {
  command = plan
  variables {
    network_acls_bypass = "All"
  }
  expect_failures = [var.network_acls_bypass]
}

run "rejects_bad_deployment_name" {
  command = plan
  variables {
    model_deployments = {
      "chat deployment" = {
        model_name    = "gpt-4o"
        model_version = "2024-11-20"
        capacity      = 50
      }
    }
  }
  expect_failures = [var.model_deployments]
}

run "rejects_auto_upgrade_with_pinned_version" {
  command = plan
  variables {
    model_deployments = {
      chat = {
        model_name             = "gpt-4o"
        model_version          = "2024-11-20"
        capacity               = 50
        version_upgrade_option = "OnceCurrentVersionExpired"
      }
    }
  }
  expect_failures = [var.model_deployments]
}

run "network_acls_bypass_none_by_default" {
  command = plan
  assert {
    condition     = azurerm_cognitive_account.this.network_acls[0].bypass == "None" && azurerm_cognitive_account.this.network_acls[0].default_action == "Deny"
    error_message = "the Foundry ACL must deny with bypass None (baseline): only the private endpoint reaches it"
  }
}

run "content_filter_policy_used_by_deployments" {
  command = plan
  variables {
    content_filter_policy = { name = "chat-strict" }
    model_deployments = {
      chat        = { model_name = "gpt-4o", model_version = "2024-11-20", capacity = 50 }
      chat-legacy = { model_name = "gpt-4o", model_version = "2024-08-06", capacity = 10, rai_policy_name = "Microsoft.DefaultV2" }
    }
  }
  assert {
    condition     = azurerm_cognitive_account_rai_policy.this[0].base_policy_name == "Microsoft.DefaultV2" && azurerm_cognitive_account_rai_policy.this[0].mode == "Blocking"
    error_message = "the custom content filter builds on Microsoft.DefaultV2 and blocks"
  }
  assert {
    condition     = length(azurerm_cognitive_account_rai_policy.this[0].content_filter) == 10 && alltrue([for f in azurerm_cognitive_account_rai_policy.this[0].content_filter : f.block_enabled && f.filter_enabled])
    error_message = "default filters: 4 harm categories on prompt and completion, jailbreak and indirect attack, all blocking"
  }
  assert {
    condition     = azurerm_cognitive_deployment.this["chat"].rai_policy_name == "chat-strict" && azurerm_cognitive_deployment.this["chat-legacy"].rai_policy_name == "Microsoft.DefaultV2"
    error_message = "deployments without rai_policy_name use the custom policy; an explicit name wins"
  }
}

run "rejects_bad_content_filter_source" {
  command = plan
  variables {
    content_filter_policy = { name = "chat-strict", filters = [{ name = "Hate", source = "Output" }] }
  }
  expect_failures = [var.content_filter_policy]
}
