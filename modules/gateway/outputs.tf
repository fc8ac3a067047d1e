output "resource_id" {
  description = "Resource id of the Application Gateway."
  value       = azurerm_application_gateway.this.id
}

output "name" {
  description = "Name of the Application Gateway."
  value       = azurerm_application_gateway.this.name
}

output "url" {
  description = "The URL users open: https://<host_name>/ (point the host's DNS at public_ip_address, or use the default <domain_name_label>.<region>.cloudapp.azure.com)."
  value       = "https://${local.host_name}/"
}

output "host_name" {
  description = "Host name of the HTTPS listener."
  value       = local.host_name
}

output "public_ip_address" {
  description = "Public IP address of the gateway."
  value       = azurerm_public_ip.this.ip_address
}

output "identity_principal_id" {
  description = "Principal id of the gateway's user-assigned identity (Key Vault Secrets User on the certificate's vault)."
  value       = azurerm_user_assigned_identity.this.principal_id
}

output "waf_policy_id" {
  description = "Resource id of the WAF policy."
  value       = azurerm_web_application_firewall_policy.this.id
}
