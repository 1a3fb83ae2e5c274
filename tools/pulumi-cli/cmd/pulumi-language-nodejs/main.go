// Command pulumi-language-nodejs is a small stand-in for Pulumi's Node.js language host.
//
// The upstream host (module github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is not
// served by the Go module proxy this project can reach, so tools/ensure-pulumi.sh builds this one
// instead. It speaks the same LanguageRuntime gRPC protocol (sdk/v3 at the CLI's version) and runs a
// program the way the upstream host does: it starts `node <@pulumi/pulumi>/cmd/run` from the project's
// node_modules with the engine/monitor addresses as flags and the stack config in PULUMI_CONFIG.
//
// What it leaves out: dependency installation (`pulumi install`), plugin discovery from node_modules
// (it reports no required packages), `pulumi about` details, synchronous invokes over pipes, and
// running plugins or policy packs written in Node.js.
//
// Usage (by the Pulumi CLI): pulumi-language-nodejs [flags...] <engine address>
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// exitAfterLoggedError is the exit code @pulumi/pulumi's cmd/run uses after it has already reported
// the program's error through the engine: the host then asks the engine to bail without a new message.
const exitAfterLoggedError = 32

func main() {
	engineAddress := lastPositional(os.Args[1:])

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if engineAddress != "" {
		// Exit when the engine goes away, like the upstream host.
		if err := rpcutil.Healthcheck(ctx, engineAddress, 5*time.Minute, cancel); err != nil {
			fatalf("could not start health check against %s: %v", engineAddress, err)
		}
	}

	stop := make(chan bool)
	go func() {
		<-ctx.Done()
		close(stop)
	}()

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stop,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, &languageHost{engineAddress: engineAddress})
			return nil
		},
	})
	if err != nil {
		fatalf("could not start the language host gRPC server: %v", err)
	}

	// The CLI reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)

	if err := <-handle.Done; err != nil {
		fatalf("language host stopped: %v", err)
	}
}

// lastPositional returns the last argument that is not a flag: the CLI passes the engine address last.
func lastPositional(args []string) string {
	last := ""
	for _, arg := range args {
		if !strings.HasPrefix(arg, "-") {
			last = arg
		}
	}
	return last
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "pulumi-language-nodejs: "+format+"\n", args...)
	os.Exit(1)
}

type languageHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer

	engineAddress string
}

// GetPluginInfo reports the CLI version this host was built for.
func (h *languageHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: strings.TrimPrefix(version.Version, "v")}, nil
}

// GetRequiredPlugins reports none: resource plugins are found on PATH or loaded on demand.
func (h *languageHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

// GetRequiredPackages reports none, for the same reason as GetRequiredPlugins.
func (h *languageHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

// Run executes the program with @pulumi/pulumi's cmd/run in a child Node.js process.
func (h *languageHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	programDir := info.GetProgramDirectory()
	if programDir == "" {
		programDir = req.GetPwd()
	}
	entryPoint := info.GetEntryPoint()
	if entryPoint == "" {
		entryPoint = "."
	}
	options := info.GetOptions().AsMap()

	runScript, err := findRunScript(programDir)
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}

	env, err := runEnvironment(req, options)
	if err != nil {
		return nil, err
	}

	args := nodeArguments(options)
	args = append(args, runScript)
	args = append(args, h.runFlags(req)...)
	args = append(args, filepath.Join(programDir, entryPoint))
	args = append(args, req.GetArgs()...)

	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = req.GetPwd()
	cmd.Env = env
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	err = cmd.Run()
	if err == nil {
		return &pulumirpc.RunResponse{}, nil
	}
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		if exitErr.ExitCode() == exitAfterLoggedError {
			return &pulumirpc.RunResponse{Bail: true}, nil
		}
		return &pulumirpc.RunResponse{
			Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
		}, nil
	}
	return &pulumirpc.RunResponse{Error: fmt.Sprintf("could not start node: %v", err)}, nil
}

// runFlags builds the flags @pulumi/pulumi's cmd/run understands.
func (h *languageHost) runFlags(req *pulumirpc.RunRequest) []string {
	flags := []string{"--monitor=" + req.GetMonitorAddress()}
	if h.engineAddress != "" {
		flags = append(flags, "--engine="+h.engineAddress)
	}
	if org := req.GetOrganization(); org != "" {
		flags = append(flags, "--organization="+org)
	}
	flags = append(flags, "--project="+req.GetProject(), "--stack="+req.GetStack())
	if root := req.GetInfo().GetRootDirectory(); root != "" {
		flags = append(flags, "--root-directory="+root)
	}
	if pwd := req.GetPwd(); pwd != "" {
		flags = append(flags, "--pwd="+pwd)
	}
	if req.GetDryRun() {
		flags = append(flags, "--dry-run")
	}
	if req.GetParallel() > 1 {
		flags = append(flags, "--parallel="+strconv.Itoa(int(req.GetParallel())))
	}
	return flags
}

// runEnvironment passes the stack config and the project's runtime options to cmd/run.
func runEnvironment(req *pulumirpc.RunRequest, options map[string]any) ([]string, error) {
	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, fmt.Errorf("marshal config: %w", err)
	}
	secretKeys := req.GetConfigSecretKeys()
	if secretKeys == nil {
		secretKeys = []string{}
	}
	secrets, err := json.Marshal(secretKeys)
	if err != nil {
		return nil, fmt.Errorf("marshal config secret keys: %w", err)
	}
	// TypeScript support is on unless the project sets runtime.options.typescript: false.
	typescript := true
	if value, ok := options["typescript"].(bool); ok {
		typescript = value
	}
	env := append(os.Environ(),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secrets),
		"PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(typescript),
	)
	if tsconfig, ok := options["tsconfig"].(string); ok && tsconfig != "" {
		env = append(env, "PULUMI_NODEJS_TSCONFIG_PATH="+tsconfig)
	}
	return env, nil
}

// nodeArguments returns runtime.options.nodeargs split on spaces.
func nodeArguments(options map[string]any) []string {
	if nodeargs, ok := options["nodeargs"].(string); ok {
		return strings.Fields(nodeargs)
	}
	return nil
}

// findRunScript looks for node_modules/@pulumi/pulumi/cmd/run from dir upwards, as Node's resolver would.
func findRunScript(dir string) (string, error) {
	start, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for current := start; ; current = filepath.Dir(current) {
		candidate := filepath.Join(current, "node_modules", "@pulumi", "pulumi", "cmd", "run")
		if _, err := os.Stat(filepath.Join(candidate, "index.js")); err == nil {
			return candidate, nil
		}
		if filepath.Dir(current) == current {
			break
		}
	}
	return "", fmt.Errorf("could not find node_modules/@pulumi/pulumi/cmd/run in %s or any parent: "+
		"install the project's dependencies (npm ci) first", start)
}
