/** Specifications, initiatives, agent profiles and links into the repository (PRODUCT.md §4.2). */
package dev.dashgen.portfolio;
