package org.xrm4j.server.messages;

import java.util.List;
import org.xrm4j.server.engine.MessageHandler;
import org.xrm4j.server.engine.Pipeline;

/** Every message handler the server registers. */
public final class Handlers {
    private Handlers() {}

    /** The handlers of the record messages, which need nothing but the context. */
    public static List<MessageHandler> records() {
        return List.of(new WhoAmIHandler(), new CreateHandler(), new RetrieveHandler(), new RetrieveMultipleHandler(),
                new UpdateHandler(), new UpsertHandler(), new DeleteHandler(), new SetStateHandler(),
                new AssociateHandler(), new DisassociateHandler(), new MergeHandler(), new RetrieveEntityHandler(),
                new ImportSolutionHandler(), new DeleteAndPromoteHandler(), new CreateEntityHandler(),
                new CreateAttributeHandler(), new UpdateEntityHandler(), new UpdateAttributeHandler(),
                new RetrievePrincipalAccessHandler(), new CreateEntityKeyHandler(), new RetrieveEntityKeyHandler(),
                new DeleteEntityKeyHandler(), new DeleteEntityHandler(), new DeleteAttributeHandler(),
                new RetrieveUserPrivilegesHandler(), new CreateOneToManyHandler(), new CreateManyToManyHandler(),
                new DeleteRelationshipHandler(), new UpdateRelationshipHandler(), new CreateOptionSetHandler(),
                new UpdateOptionSetHandler(), new DeleteOptionSetHandler(), new RetrieveOptionSetHandler(),
                new InitializeFileBlocksUploadHandler(), new UploadBlockHandler(),
                new CommitFileBlocksUploadHandler(), new InitializeFileBlocksDownloadHandler(), new DownloadBlockHandler(),
                new DeleteFileHandler());
    }

    /** Registers ExecuteAsync and ImportSolutionAsync, which queue jobs on the asynchronous service. */
    public static void registerAsync(Pipeline pipeline, org.xrm4j.server.async.AsyncService async) {
        pipeline.add(new ExecuteAsyncHandler(async));
        pipeline.add(new ImportSolutionAsyncHandler(async));
    }

    /** Registers the batch handlers, which run other requests through the pipeline. */
    public static void registerBatches(Pipeline pipeline) {
        pipeline.add(new ExecuteMultipleHandler(pipeline, new BatchConcurrency()));
        pipeline.add(new ExecuteTransactionHandler(pipeline));
        pipeline.add(new CreateMultipleHandler(pipeline));
        pipeline.add(new UpdateMultipleHandler(pipeline));
        pipeline.add(new UpsertMultipleHandler(pipeline));
    }
}
