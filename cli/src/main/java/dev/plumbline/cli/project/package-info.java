/** {@code plumb project}: what each Project allows, which Applications use it, and what it refused lately. */
package dev.plumbline.cli.project;
