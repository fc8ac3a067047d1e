output "resource_id" {
  description = "Resource id of the Key Vault."
  value       = azurerm_key_vault.this.id
}

output "name" {
  description = "Name of the Key Vault."
  value       = azurerm_key_vault.this.name
}

output "vault_uri" {
  description = "Vault URI, e.g. https://kv-chat-prod.vault.azure.net/."
  value       = azurerm_key_vault.this.vault_uri
}

output "secret_versionless_ids" {
  description = "Map of secret key to versionless secret id (https://<vault>.vault.azure.net/secrets/<name>); use in app settings as @Microsoft.KeyVault(SecretUri=<id>) so rotations are picked up."
  value       = { for key, secret in azurerm_key_vault_secret.this : key => secret.versionless_id }
}

output "secret_ids" {
  description = "Map of secret key to versioned secret id (pins one version)."
  value       = { for key, secret in azurerm_key_vault_secret.this : key => secret.id }
}

output "private_endpoints" {
  description = "Private endpoints keyed like the input: resource_id and private_ip_address."
  value       = { for key, endpoint in module.private_endpoint : key => { resource_id = endpoint.resource_id, private_ip_address = endpoint.private_ip_address } }
}
