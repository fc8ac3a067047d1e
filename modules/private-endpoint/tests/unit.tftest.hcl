mock_provider "azurerm" {}

variables {
  name                           = "pe-kv-unit-vault"
  location                       = "swedencentral"
  resource_group_name            = "rg-unit"
  subnet_id                      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit/subnets/snet-pe"
  private_connection_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.KeyVault/vaults/kv-unit"
  subresource_names              = ["vault"]
  private_dns_zone_ids           = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net"]
  tags                           = { env = "unit" }
}

run "automatic_connection_with_dns_zone_group" {
  command = plan

  assert {
    condition     = azurerm_private_endpoint.this.private_service_connection[0].is_manual_connection == false
    error_message = "the connection must be automatic (is_manual_connection = false)"
  }
  assert {
    condition     = azurerm_private_endpoint.this.private_service_connection[0].subresource_names == tolist(["vault"])
    error_message = "subresource_names must be passed through"
  }
  assert {
    condition     = azurerm_private_endpoint.this.private_service_connection[0].private_connection_resource_id == var.private_connection_resource_id
    error_message = "the connection must target private_connection_resource_id"
  }
  assert {
    condition     = length(azurerm_private_endpoint.this.private_dns_zone_group) == 1
    error_message = "a private DNS zone group must be created when zone ids are given"
  }
  assert {
    condition     = azurerm_private_endpoint.this.private_dns_zone_group[0].private_dns_zone_ids == tolist(var.private_dns_zone_ids)
    error_message = "the zone group must hold the given zone ids"
  }
  assert {
    condition     = azurerm_private_endpoint.this.subnet_id == var.subnet_id
    error_message = "the endpoint must be placed in subnet_id"
  }
  assert {
    condition     = azurerm_private_endpoint.this.custom_network_interface_name == "pe-kv-unit-vault-nic"
    error_message = "the NIC name must default to <name>-nic"
  }
  assert {
    condition     = azurerm_private_endpoint.this.tags == tomap({ env = "unit" })
    error_message = "tags must be applied"
  }
}

run "no_zone_group_when_dns_is_policy_managed" {
  command = plan

  variables {
    private_dns_zone_ids = []
  }

  assert {
    condition     = length(azurerm_private_endpoint.this.private_dns_zone_group) == 0
    error_message = "no zone group when private_dns_zone_ids is empty"
  }
}

run "rejects_non_subnet_id" {
  command = plan

  variables {
    subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-unit/providers/Microsoft.Network/virtualNetworks/vnet-unit"
  }

  expect_failures = [var.subnet_id]
}

run "rejects_several_subresources" {
  command = plan

  variables {
    subresource_names = ["vault", "registry"]
  }

  expect_failures = [var.subresource_names]
}

run "rejects_public_dns_zone" {
  command = plan

  variables {
    private_dns_zone_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/vaultcore.azure.net"]
  }

  expect_failures = [var.private_dns_zone_ids]
}

run "rejects_bad_name" {
  command = plan

  variables {
    name = "-pe"
  }

  expect_failures = [var.name]
}
