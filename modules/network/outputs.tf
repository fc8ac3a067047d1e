output "resource_id" {
  description = "Resource id of the virtual network."
  value       = azurerm_virtual_network.this.id
}

output "name" {
  description = "Name of the virtual network."
  value       = azurerm_virtual_network.this.name
}

output "virtual_network_id" {
  description = "Resource id of the virtual network (same as resource_id)."
  value       = azurerm_virtual_network.this.id
}

output "subnet_ids" {
  description = "Map of subnet name to subnet resource id."
  value       = { for key, subnet in azurerm_subnet.this : key => subnet.id }
}

output "subnet_address_prefixes" {
  description = "Map of subnet name to its address prefix (including the defaulted layout)."
  value       = { for key, subnet in local.subnets : key => subnet.address_prefix }
}

output "subnet_ids_by_role" {
  description = "Map of role (app, private_endpoints, agent, postgres, gateway, ops) to subnet resource id, for the roles present."
  value       = { for key, subnet in local.subnets : subnet.role => azurerm_subnet.this[key].id }
}

output "network_security_group_ids" {
  description = "Map of subnet name to the id of its network security group."
  value       = { for key, nsg in azurerm_network_security_group.this : key => nsg.id }
}

output "private_dns_zone_ids" {
  description = "Map of private DNS zone name (e.g. privatelink.vaultcore.azure.net) to zone resource id."
  value       = { for zone, resource in azurerm_private_dns_zone.this : zone => resource.id }
}
