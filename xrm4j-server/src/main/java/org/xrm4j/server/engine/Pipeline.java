package org.xrm4j.server.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xrm4j.sdk.ErrorCodes;
import org.xrm4j.sdk.FaultException;
import org.xrm4j.sdk.OrganizationRequest;
import org.xrm4j.sdk.OrganizationResponse;
import org.xrm4j.sdk.messages.Messages;
import org.xrm4j.server.store.Database;

/**
 * The message pipeline, in the order the platform documents it:
 * resolve the handler (an unknown message is a fault) → depth check → stage 10 → begin or join the unit of work →
 * stage 20 → main operation → stage 40 → commit. A fault anywhere after the unit of work began rolls back
 * everything the request (and the steps it triggered) wrote.
 */
public final class Pipeline {
    private final Database database;
    private final DeploymentSettings settings;
    private final Map<String, MessageHandler> handlers = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<PipelineStep> steps = new CopyOnWriteArrayList<>();
    private volatile CustomMessages customMessages;

    public Pipeline(Database database, DeploymentSettings settings, List<MessageHandler> handlers) {
        this.database = database;
        this.settings = settings;
        handlers.forEach(this::add);
    }

    /** Adds a handler; handlers that run other requests (batches) need the pipeline, so they come after it exists. */
    public void add(MessageHandler h) {
        if (handlers.putIfAbsent(h.messageName(), h) != null) throw new IllegalStateException("two handlers for " + h.messageName());
    }

    /** Where requests that no handler serves are looked up as custom messages (Custom APIs). */
    public void customMessages(CustomMessages messages) { this.customMessages = messages; }

    public Database database() { return database; }

    public DeploymentSettings settings() { return settings; }

    /** Registers a step (the extension point plug-ins use). */
    public void register(PipelineStep step) { steps.add(step); }

    public void unregister(PipelineStep step) { steps.remove(step); }

    /** Whether any step is registered on a message: batches take their fast path only when none is. */
    public boolean hasSteps(String messageName) {
        for (PipelineStep s : steps) if (s.messageName().equals(messageName)) return true;
        return false;
    }

    /**
     * Runs {@code request} one level below {@code caller}: a top-level request passes a root context; a step's
     * nested call passes its own context, and joins its unit of work.
     */
    public OrganizationResponse execute(ExecutionContext caller, OrganizationRequest request) {
        MessageHandler handler = handlers.get(request.requestName());
        if (handler == null && customMessages != null) handler = customMessages.resolve(caller, request);
        if (handler == null) {
            throw new FaultException(ErrorCodes.NotSupported, "Request not supported: " + request.requestName()
                    + ". This server does not know a message of that name.");
        }
        // Handlers and steps read parameters through the typed view, which a generic request of the same name lacks.
        if (request.getClass() == OrganizationRequest.class) {
            request = Messages.request(request.requestName(), request.parameters()).requestId(request.requestId());
        }
        ExecutionContext context = caller.nested();
        int maxDepth = settings.maxDepth();
        if (context.depth() > maxDepth) {
            throw new FaultException(ErrorCodes.SdkCorrelationTokenDepthTooHigh, "This operation was canceled because"
                    + " its call depth exceeded the maximum of " + maxDepth + " (MaxDepth): this usually means a plug-in"
                    + " triggers itself in an infinite loop.");
        }
        StepContext stepContext = new StepContext(context, this);
        run(PipelineStep.PRE_VALIDATION, stepContext, request, null);
        if (!handler.transactional()) return handler.handle(context, request);
        if (context.inTransaction()) return inTransaction(handler, stepContext, request);
        try (UnitOfWork uow = UnitOfWork.begin(database)) {
            context.unitOfWork(uow);
            OrganizationResponse response = inTransaction(handler, stepContext, request);
            uow.commit();
            return response;
        } finally {
            context.unitOfWork(null);
        }
    }

    private OrganizationResponse inTransaction(MessageHandler handler, StepContext stepContext, OrganizationRequest request) {
        run(PipelineStep.PRE_OPERATION, stepContext, request, null);
        OrganizationResponse response = handler.handle(stepContext.execution(), request);
        run(PipelineStep.POST_OPERATION, stepContext, request, response);
        return response;
    }

    private void run(int stage, StepContext context, OrganizationRequest request, OrganizationResponse response) {
        if (steps.isEmpty()) return;
        List<PipelineStep> matching = new ArrayList<>();
        for (PipelineStep s : steps) {
            if (s.stage() == stage && s.messageName().equals(request.requestName())) matching.add(s);
        }
        for (PipelineStep s : matching) s.execute(context, request, response);
    }
}
