output "resource_id" {
  description = "Resource id of the Machine Learning workspace."
  value       = azurerm_machine_learning_workspace.this.id
}

output "name" {
  description = "Name of the Machine Learning workspace."
  value       = azurerm_machine_learning_workspace.this.name
}

output "workspace_id" {
  description = "Immutable workspace id (GUID) of the workspace."
  value       = azurerm_machine_learning_workspace.this.workspace_id
}

output "discovery_url" {
  description = "Discovery URL of the workspace's API endpoint."
  value       = azurerm_machine_learning_workspace.this.discovery_url
}

output "principal_id" {
  description = "Principal id of the workspace's system-assigned identity (null without one)."
  value       = try(azurerm_machine_learning_workspace.this.identity[0].principal_id, null)
}

output "private_endpoints" {
  description = "Private endpoints keyed like the input: resource_id and private_ip_address."
  value = {
    for k, pe in module.private_endpoint : k => {
      resource_id        = pe.resource_id
      private_ip_address = pe.private_ip_address
    }
  }
}
