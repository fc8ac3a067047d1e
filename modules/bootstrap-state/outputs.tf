output "resource_id" {
  description = "Resource id of the state storage account."
  value       = azurerm_storage_account.this.id
}

output "name" {
  description = "Name of the state storage account."
  value       = azurerm_storage_account.this.name
}

output "resource_group_name" {
  description = "Resource group of the state storage account."
  value       = azurerm_resource_group.this.name
}

output "storage_account_name" {
  description = "Name of the state storage account (backend storage_account_name)."
  value       = azurerm_storage_account.this.name
}

output "container_name" {
  description = "Name of the state container (backend container_name)."
  value       = azurerm_storage_container.this.name
}

output "container_id" {
  description = "Resource id of the state container (scope for more role assignments)."
  value       = azurerm_storage_container.this.id
}

output "primary_blob_endpoint" {
  description = "Blob endpoint of the account."
  value       = azurerm_storage_account.this.primary_blob_endpoint
}

output "backend_config" {
  description = "Settings for an azurerm backend block or `terraform init -backend-config=...` (add key per environment)."
  value = {
    resource_group_name  = azurerm_resource_group.this.name
    storage_account_name = azurerm_storage_account.this.name
    container_name       = azurerm_storage_container.this.name
    use_azuread_auth     = true
    use_oidc             = true
  }
}
