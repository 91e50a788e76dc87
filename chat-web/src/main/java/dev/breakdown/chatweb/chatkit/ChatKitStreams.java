package dev.breakdown.chatweb.chatkit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The threads that write streamed answers, off the request threads; stopped with the application. */
@Component
class ChatKitStreams implements DisposableBean {
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "chatkit-stream-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    ExecutorService executor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
