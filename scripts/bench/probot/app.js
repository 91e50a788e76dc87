// A no-op Probot app for scripts/bench-intake.sh: Probot verifies the signature and dispatches `issues`; nothing else.
export default (app) => {
  app.on("issues", async () => {});
};
