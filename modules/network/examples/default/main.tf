# Runnable example: the default network layout with the optional agent subnet.
# terraform init && terraform apply -var resource_group_name=<existing rg>
terraform {
  required_version = ">= 1.11, < 2.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.42, < 5.0"
    }
  }
}

provider "azurerm" {
  features {}
  subscription_id = var.subscription_id
}

variable "subscription_id" {
  type        = string
  default     = null
  description = "Subscription to deploy to; null uses ARM_SUBSCRIPTION_ID."
}

variable "location" {
  type        = string
  default     = "swedencentral"
  description = "Azure region."
}

variable "resource_group_name" {
  type        = string
  default     = "rg-network-example"
  description = "Existing resource group."
}

module "network" {
  source = "../../"

  name                = "vnet-network-example"
  location            = var.location
  resource_group_name = var.resource_group_name
  address_space       = ["10.42.0.0/22"]

  subnets = {
    "snet-app"   = { role = "app" }
    "snet-pe"    = { role = "private_endpoints" }
    "snet-agent" = { role = "agent" }
  }

  tags = { example = "network-default" }
}

output "subnet_ids" {
  description = "Subnet ids by name."
  value       = module.network.subnet_ids
}

output "private_dns_zone_ids" {
  description = "Private DNS zone ids by zone name."
  value       = module.network.private_dns_zone_ids
}
