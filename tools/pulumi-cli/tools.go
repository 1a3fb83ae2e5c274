//go:build tools

// Package tools pins the Pulumi programs that tools/ensure-pulumi.sh builds, so that
// go.mod and go.sum record every module they need. It is never compiled.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
